package io.memtomem.core.scope;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.config.IndexingConfig;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.store.SourcePaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured memory dirs and project memory dirs as real paths, each with the scope its files get
 * (memory-core.md §1.1, §4.2 step 10). A file belongs to the deepest root containing it, so a project memory dir
 * nested inside a user memory dir still gives its files the project scope; files outside every root are user scope.
 */
public final class IndexRoots {
    static final String PROJECT_DIR = ".memtomem";
    static final String LOCAL_DIR_NAME = "memories.local";
    private static final String SHARED_DIR_NAME = "memories";

    /** One root: its real path and what its files are stamped with. */
    public record Root(Path dir, ScopedLocation location) {
    }

    private final List<Root> roots;

    private IndexRoots(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    public static IndexRoots of(IndexingConfig indexing) {
        List<Root> roots = new ArrayList<>();
        indexing.memoryDirs().forEach(dir -> roots.add(new Root(SourcePaths.canonical(dir), ScopedLocation.USER)));
        indexing.projectMemoryDirs().forEach(dir -> roots.add(projectRoot(dir)));
        return new IndexRoots(roots);
    }

    /** As {@link #of(IndexingConfig)}; kept while callers move to the typed section. */
    public static IndexRoots of(MemtomemConfig config) {
        return of(config.indexing());
    }

    /**
     * A project memory dir is {@code project_local} when named {@code memories.local}, else {@code project_shared}.
     * Its project is the parent of {@code .memtomem} for {@code <project>/.memtomem/memories[.local]}, otherwise the
     * dir's parent. Both are judged on the configured spelling (a symlinked dir is named by its link), then resolved.
     */
    static Root projectRoot(Path configured) {
        Path dir = configured.toAbsolutePath().normalize();
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        Scope scope = name.equals(LOCAL_DIR_NAME) ? Scope.PROJECT_LOCAL : Scope.PROJECT_SHARED;
        Path parent = dir.getParent() == null ? dir : dir.getParent();
        boolean conventional = (name.equals(SHARED_DIR_NAME) || name.equals(LOCAL_DIR_NAME))
                && parent.getFileName() != null && parent.getFileName().toString().equals(PROJECT_DIR)
                && parent.getParent() != null;
        Path project = conventional ? parent.getParent() : parent;
        return new Root(SourcePaths.canonical(dir), new ScopedLocation(scope, SourcePaths.canonical(project)));
    }

    public List<Root> all() {
        return roots;
    }

    /** The real paths of every root, memory dirs first. */
    public List<Path> dirs() {
        return roots.stream().map(Root::dir).distinct().toList();
    }

    /** The deepest root containing {@code canonicalFile} (a real path, as {@link SourcePaths#canonical} gives). */
    public Optional<Root> rootOf(Path canonicalFile) {
        // a loop, not a stream with a comparator: every write asks, and those lambdas are linked cold (~1.5 ms)
        Root deepest = null;
        for (Root root : roots) {
            if (canonicalFile.startsWith(root.dir())
                    && (deepest == null || root.dir().getNameCount() > deepest.dir().getNameCount())) {
                deepest = root;
            }
        }
        return Optional.ofNullable(deepest);
    }

    /**
     * Where a project-tier write goes (memory-core.md §7.3 mem_add): the one project memory dir of {@code scope} whose
     * project contains {@code cwd}. None, or more than one, is an error naming {@code indexing.project_memory_dirs}.
     */
    public Path projectDirFor(Scope scope, Path cwd) {
        Path here = SourcePaths.canonical(cwd);
        List<Path> candidates = roots.stream()
                .filter(root -> root.location().scope() == scope && here.startsWith(root.location().projectRoot()))
                .map(Root::dir).distinct().toList();
        String tier = "scope=" + scope.wireName();
        boolean local = scope == Scope.PROJECT_LOCAL;
        if (candidates.isEmpty()) {
            throw new InvalidInputException("scope", tier + " needs a dir in indexing.project_memory_dirs "
                    + (local ? "named " : "not named ") + LOCAL_DIR_NAME + " whose project contains the working "
                    + "directory " + here + ", and there is none: add <project>/" + PROJECT_DIR + "/"
                    + (local ? LOCAL_DIR_NAME : SHARED_DIR_NAME) + " to indexing.project_memory_dirs, or write with "
                    + "scope=user");
        }
        if (candidates.size() > 1) {
            throw new InvalidInputException("scope", tier + " is ambiguous: " + candidates.size() + " "
                    + scope.wireName() + " memory dirs in indexing.project_memory_dirs belong to projects containing "
                    + here + " (" + String.join(", ", candidates.stream().map(Path::toString).toList())
                    + "): keep one of them in indexing.project_memory_dirs, or run from a directory inside only one");
        }
        return candidates.get(0);
    }

    /** The scope and project of a file; user scope outside every root. */
    public ScopedLocation classify(Path canonicalFile) {
        return rootOf(canonicalFile).map(Root::location).orElse(ScopedLocation.USER);
    }
}
