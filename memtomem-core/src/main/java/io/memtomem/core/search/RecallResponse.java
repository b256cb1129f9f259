package io.memtomem.core.search;

import io.memtomem.core.store.StoredChunk;
import java.util.List;

/** Chunks newest first, the normalised bounds actually applied (null when open) and hints. */
public record RecallResponse(List<StoredChunk> chunks, String since, String until, List<String> hints) {
    public RecallResponse {
        chunks = List.copyOf(chunks);
        hints = List.copyOf(hints);
    }
}
