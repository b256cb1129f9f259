package io.memtomem.core.search;

import java.util.List;

/**
 * Ranked hits plus what callers need to explain them: the score scale ({@code bm25|dense|rrf|none}), hints (hidden
 * system namespaces, disabled legs), candidate counts per leg and the count before tag/source filters.
 */
public record SearchResponse(List<SearchHit> hits, String scoreScale, List<String> hints, int bm25Candidates,
                             int denseCandidates, int beforeFilterCount) {
    public SearchResponse {
        hits = List.copyOf(hits);
        hints = List.copyOf(hints);
    }
}
