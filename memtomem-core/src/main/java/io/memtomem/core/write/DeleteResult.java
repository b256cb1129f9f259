package io.memtomem.core.write;

import java.nio.file.Path;

/**
 * @param indexPending why the index still lists the deleted entry (the next index run drops it); null when it does
 *                     not
 */
public record DeleteResult(String chunkId, Path file, int linesRemoved, String indexPending) {}
