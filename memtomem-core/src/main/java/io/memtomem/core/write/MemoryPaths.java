package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.PathOutsideMemoryDirsException;
import io.memtomem.core.config.IndexingConfig;
import io.memtomem.core.scope.MemoryDirScope;
import io.memtomem.core.store.SourcePaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides which files the writer may touch: only files inside a configured memory dir or project memory dir, judged
 * on real paths so a symlink cannot lead a write outside. Returned paths are real too, the spelling the store uses
 * for sources.
 */
final class MemoryPaths {
    /** The first is the write base; may be empty. */
    private final List<Path> memoryDirs;
    private final MemoryDirScope insideDirs;

    private MemoryPaths(List<Path> memoryDirs, List<Path> insideDirs) {
        this.memoryDirs = memoryDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
        this.insideDirs = new MemoryDirScope(insideDirs);
    }

    /** The user tier: writes go to {@code memory_dirs[0]}, {@code file=} may name any memory or project memory dir. */
    static MemoryPaths userTier(IndexingConfig indexing) {
        return new MemoryPaths(indexing.memoryDirs(), indexing.indexRoots());
    }

    /** A project tier: writes go to the project memory dir, and {@code file=} must stay inside it. */
    static MemoryPaths projectTier(Path projectMemoryDir) {
        return new MemoryPaths(List.of(projectMemoryDir), List.of(projectMemoryDir));
    }

    /** {@code memory_dirs[0]}: where day files and relative {@code file=} targets go. */
    Path writeBase() {
        if (memoryDirs.isEmpty()) {
            throw new MemtomemException("indexing.memory_dirs is empty, so there is nowhere to write memories: "
                    + "add a directory with mm config set indexing.memory_dirs '[\"~/.memtomem/memories\"]'");
        }
        return memoryDirs.get(0);
    }

    /** Resolves a {@code file=} argument: relative to the write base, or absolute inside a memory dir. */
    Path resolveTarget(String file) {
        Path requested;
        try {
            requested = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("file", "file is not a valid path (" + e.getReason() + "): " + file);
        }
        // refused outright rather than normalised away: "a/link/../b" would mean different files lexically and on disk
        for (Path name : requested) {
            if (name.toString().equals("..")) {
                throw new PathOutsideMemoryDirsException(requested);
            }
        }
        Path target = requireInside(requested.isAbsolute() ? requested : writeBase().resolve(requested));
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("file", "file names a directory: " + target + ": name a markdown file");
        }
        return target;
    }

    /**
     * @return the real location of {@code file} when it lies inside a memory dir ({@link MemoryDirScope}, the rule the
     *         indexer and the watcher use too), else PathOutsideMemoryDirsException
     */
    Path requireInside(Path file) {
        Path real = realLocation(file);
        if (insideDirs.contains(real)) {
            return real;
        }
        throw new PathOutsideMemoryDirsException(file);
    }

    /**
     * Where {@code path} really is (see {@link SourcePaths#realLocation}); a dangling symbolic link on the way is
     * refused, as writing through it would create its target, wherever that is.
     */
    static Path realLocation(Path path) {
        for (Path missing = path.toAbsolutePath().normalize(); missing != null && !Files.exists(missing);
                missing = missing.getParent()) {
            if (Files.isSymbolicLink(missing)) {
                throw new InvalidInputException("file", "file is a dangling symbolic link: " + missing
                        + ": point it at an existing file or remove it");
            }
        }
        try {
            return SourcePaths.realLocation(path);
        } catch (IOException e) {
            throw new MemtomemException("Cannot resolve " + path + ": " + e.getMessage());
        }
    }
}
