package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.store.SourcePaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code mem_index} may index: the configured memory dirs and project memory dirs and what lies inside them.
 * An agent's index call must not pull other files (a source tree, a home dir full of secrets) into the shared memory
 * store, so containment is judged on the path the indexer will store ({@link SourcePaths#canonical}: symlinks
 * resolved) against the same spelling of the memory dirs. A terminal user indexes anything with {@code mm index}.
 */
final class MemoryDirScope {
    private final List<Path> memoryDirs;

    MemoryDirScope(List<Path> memoryDirs) {
        this.memoryDirs = List.copyOf(memoryDirs);
    }

    /** The real location of {@code path} when it is, or lies inside, a memory dir; otherwise refused with the fix. */
    Path requireInside(Path path) {
        Path real = SourcePaths.canonical(path);
        for (Path dir : memoryDirs) {
            if (real.startsWith(SourcePaths.canonical(dir))) {
                return real;
            }
        }
        throw new InvalidInputException("path", "path is outside configured memory directories: " + path
                + ". Add it to indexing.memory_dirs (MEMTOMEM_INDEXING__MEMORY_DIRS) or index it from a terminal "
                + "with mm index " + path + ".");
    }

    /** The memory dirs that exist, as real paths: what {@code mem_index} indexes when no path is given. */
    List<Path> existingDirs() {
        return memoryDirs.stream().filter(Files::isDirectory).map(SourcePaths::canonical).distinct().toList();
    }
}
