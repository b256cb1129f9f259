package io.memtomem.core.search;

import java.util.List;
import java.util.Optional;

/**
 * Ranked hits plus what callers need to explain them: the score scale ({@code bm25|dense|rrf|none}), hints (hidden
 * system namespaces, disabled legs) and the pipeline's candidate counts: present when the request asked for them,
 * and whenever fewer than top_k hits came back (every candidate was ranked then, so they cost nothing).
 * {@code vectorsPending} counts chunks the dense leg could not see because they have no vector yet (0 when no
 * dense leg ran); each front end says in its own words how that gets fixed.
 */
public record SearchResponse(List<SearchHit> hits, String scoreScale, List<String> hints,
                             Optional<PipelineCounts> pipeline, long vectorsPending) {
    public SearchResponse {
        hits = List.copyOf(hits);
        hints = List.copyOf(hints);
    }
}
