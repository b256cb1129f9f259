package io.memtomem.core.status;

import java.nio.file.Path;

/** A configured memory dir and whether it exists; the first one is where new memories are written. */
public record MemoryDirStatus(Path path, boolean exists) {
}
