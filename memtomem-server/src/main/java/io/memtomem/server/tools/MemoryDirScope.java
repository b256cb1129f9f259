package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What {@code mem_index} may index: the configured memory dirs and project memory dirs and what lies inside them. An agent's index call must
 * not pull other files (a source tree, a home dir full of secrets) into the shared memory store, so containment is
 * judged on real paths, after {@code ..} and symlinks are resolved, against the real paths of the memory dirs. A
 * terminal user indexes anything with {@code mm index}.
 */
final class MemoryDirScope {
    private final List<Path> memoryDirs;

    MemoryDirScope(List<Path> memoryDirs) {
        this.memoryDirs = List.copyOf(memoryDirs);
    }

    /** The real location of {@code path} when it is, or lies inside, a memory dir; otherwise refused with the fix. */
    Path requireInside(Path path) {
        Path real = realLocation(path);
        for (Path dir : memoryDirs) {
            if (real.startsWith(realLocation(dir))) {
                return real;
            }
        }
        throw new InvalidInputException("path", "path is outside configured memory directories: " + path
                + ". Add it to indexing.memory_dirs (MEMTOMEM_INDEXING__MEMORY_DIRS) or index it from a terminal "
                + "with mm index " + path + ".");
    }

    /** The memory dirs that exist, as real paths: what {@code mem_index} indexes when no path is given. */
    List<Path> existingDirs() {
        return memoryDirs.stream().filter(Files::isDirectory).map(MemoryDirScope::realLocation).distinct().toList();
    }

    /**
     * Where {@code path} really is: the real path of its longest existing part plus the names that do not exist
     * (a file deleted since it was indexed, whose chunks an index call removes), which cannot be symlinks.
     */
    private static Path realLocation(Path path) {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return path.toAbsolutePath().normalize();
        }
        try {
            Path real = existing.toRealPath();
            while (!missing.isEmpty()) {
                real = real.resolve(missing.pop());
            }
            return real.normalize();
        } catch (IOException e) {
            throw new MemtomemException("cannot resolve " + existing + ": " + e.getMessage());
        }
    }
}
