package io.memtomem.core.embed;

/**
 * The embedding model recorded in the store versus the configured one. A mismatch blocks writes until
 * {@code embedding-reset}; BM25 keeps working.
 */
public record EmbeddingState(String storedProvider, String storedModel, int storedDimension,
                             String configuredProvider, String configuredModel, int configuredDimension,
                             boolean mismatch, long vectorsStored, long vectorsPending) {
}
