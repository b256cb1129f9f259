package io.memtomem.core.chunk;

/**
 * Chunk size knobs, in estimated tokens (about 4 characters each).
 *
 * @param maxChunkTokens          a markdown section above this is split; merges never grow past it
 * @param minChunkTokens          chunks below this are merged into a neighbour when the headings allow it
 * @param targetChunkTokens       chunks below this are packed with kin chunks (only when above the minimum)
 * @param chunkOverlapTokens      characters (×3) shared with neighbouring chunks; 0 disables overlap
 * @param paragraphSplitThreshold an oversized section at least this large is first split on blank lines
 */
public record ChunkingSettings(int maxChunkTokens, int minChunkTokens, int targetChunkTokens, int chunkOverlapTokens,
                               int paragraphSplitThreshold) {

    public ChunkingSettings {
        if (maxChunkTokens <= 0) {
            throw new IllegalArgumentException("maxChunkTokens must be positive: " + maxChunkTokens);
        }
        if (minChunkTokens < 0 || targetChunkTokens < 0 || chunkOverlapTokens < 0 || paragraphSplitThreshold < 0) {
            throw new IllegalArgumentException("chunk token settings must not be negative");
        }
    }

    /**
     * The record's own text form, written out: a generated one is linked through {@code ObjectMethods} on first use
     * (method-handle spinning in every cold {@code mm add}), and this text is part of each stored chunking
     * fingerprint, so it must not change.
     */
    @Override
    public String toString() {
        return "ChunkingSettings[maxChunkTokens=" + maxChunkTokens + ", minChunkTokens=" + minChunkTokens
                + ", targetChunkTokens=" + targetChunkTokens + ", chunkOverlapTokens=" + chunkOverlapTokens
                + ", paragraphSplitThreshold=" + paragraphSplitThreshold + "]";
    }

    public static ChunkingSettings defaults() {
        return new ChunkingSettings(512, 128, 384, 0, 800);
    }
}
