package io.memtomem.core.store;

import java.util.Map;

/** Index-wide counts; {@code orphanedSources} are indexed files that no longer exist on disk. */
public record IndexStats(long totalChunks, long totalSources, long orphanedSources, Map<String, Long> chunksByNamespace,
                         long dbSizeBytes, long vectorsStored, long vectorsPending) {
    public IndexStats {
        chunksByNamespace = Map.copyOf(chunksByNamespace);
    }
}
