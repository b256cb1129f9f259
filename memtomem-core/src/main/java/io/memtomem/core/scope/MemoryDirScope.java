package io.memtomem.core.scope;

import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.store.SourcePaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one containment rule for the memory dirs, shared by the writer ({@code mem_add}, edit, delete), the indexer's
 * configured-scope callers ({@code mem_index}, the file watcher) and the drop of outside link targets: a path belongs
 * when its real location (symlinks resolved, {@link SourcePaths#canonical}) is one of the dirs or lies under one,
 * judged against the real location of the dirs. A symlink inside a memory dir therefore never reaches a file outside.
 * The dirs are resolved at each check, so a dir created or re-linked later is judged as it is now.
 */
public final class MemoryDirScope {
    private final List<Path> dirs;

    public MemoryDirScope(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** Every memory dir and project memory dir of the configuration. */
    public static MemoryDirScope of(MemtomemConfig config) {
        return new MemoryDirScope(config.indexing().indexRoots());
    }

    /** The real location of {@code path} when it is, or lies inside, one of the dirs; empty when outside. */
    public Optional<Path> locate(Path path) {
        Path real = SourcePaths.canonical(path);
        return contains(real) ? Optional.of(real) : Optional.empty();
    }

    /** Whether a real location (as {@link SourcePaths#canonical} gives it) is one of the dirs or lies inside one. */
    public boolean contains(Path realPath) {
        return dirOf(realPath).isPresent();
    }

    /** The deepest of the dirs (as a real path) that a real location is, or lies inside; empty when outside. */
    public Optional<Path> dirOf(Path realPath) {
        // a loop, not a stream with a comparator: every mm add asks, and those lambdas are linked cold (~1.5 ms)
        Path deepest = null;
        for (Path dir : dirs) {
            Path real = SourcePaths.canonical(dir);
            if (realPath.startsWith(real) && (deepest == null || real.getNameCount() > deepest.getNameCount())) {
                deepest = real;
            }
        }
        return Optional.ofNullable(deepest);
    }

    /** The dirs that exist, as real paths. */
    public List<Path> existingDirs() {
        return dirs.stream().filter(Files::isDirectory).map(SourcePaths::canonical).distinct().toList();
    }
}
