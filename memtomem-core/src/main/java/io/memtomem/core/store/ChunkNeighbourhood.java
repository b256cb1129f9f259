package io.memtomem.core.store;

import java.util.List;

/**
 * A chunk with its neighbours from the same file, in line order, and where it sits in that file: {@code position} is
 * its 1-based place among all of the file's {@code fileChunks} chunks (both from the one query that read the file).
 */
public record ChunkNeighbourhood(List<StoredChunk> chunks, int focusIndex, int position, int fileChunks) {
    public ChunkNeighbourhood {
        chunks = List.copyOf(chunks);
    }

    public StoredChunk focus() {
        return chunks.get(focusIndex);
    }

    /** The neighbours before the chunk, nearest last. */
    public List<StoredChunk> before() {
        return chunks.subList(0, focusIndex);
    }

    /** The neighbours after the chunk, nearest first. */
    public List<StoredChunk> after() {
        return chunks.subList(focusIndex + 1, chunks.size());
    }
}
