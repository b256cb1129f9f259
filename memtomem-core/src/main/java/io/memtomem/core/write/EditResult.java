package io.memtomem.core.write;

import java.nio.file.Path;

/** {@code newChunkId} is null when the store cannot tell which chunk now holds the edited text. */
public record EditResult(String oldChunkId, String newChunkId, Path file) {}
