package io.memtomem.core.search.hybrid;

import java.util.List;

/** Ranked results and the name of their score scale: {@code rrf}, {@code bm25} or {@code dense}. */
public record FusionResult<K>(List<FusedHit<K>> hits, String scoreScale) {

    public FusionResult {
        hits = List.copyOf(hits);
    }
}
