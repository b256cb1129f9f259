package io.memtomem.core.write;

import java.nio.file.Path;

/**
 * {@code newChunkId} is null when the store cannot tell which chunk now holds the edited text, or when indexing the
 * edited file failed: then {@code indexPending} says why (the edit is written; the next index run indexes it).
 */
public record EditResult(String oldChunkId, String newChunkId, Path file, String indexPending) {}
