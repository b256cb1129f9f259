package io.memtomem.core.search;

/**
 * A ranked search. {@code namespace} is exact, a comma list or a {@code *} glob (null = all but the hidden system
 * namespaces); {@code tagFilter} is a comma list matched if any tag is present; {@code sourceFilter} is a substring of
 * the absolute path, or a glob when it contains {@code * ? [}. Null weights mean the configured ones. {@code rerank}
 * null or false: no reranking; true asks for it, which this build cannot do (it has no reranker) and says so in a hint.
 * {@code scope} is a comma list of {@code user}, {@code project_shared}, {@code project_local} (null = every scope);
 * {@code asOf} ({@code YYYY-MM-DD} or {@code YYYY-QN}, null = now) is when the results must be valid.
 * {@code pipelineCounts} asks for {@link SearchResponse#pipeline()}: exact counts cost ranking every BM25 candidate,
 * where a plain search ranks only one past {@code topK}.
 */
public record SearchRequest(String query, int topK, String namespace, String tagFilter, String sourceFilter,
                            Double bm25Weight, Double denseWeight, Boolean rerank, String scope, String asOf,
                            boolean pipelineCounts) {
    public static final int DEFAULT_TOP_K = 10;

    public static SearchRequest of(String query) {
        return new SearchRequest(query, DEFAULT_TOP_K, null, null, null, null, null, null, null, null, false);
    }

    public SearchRequest withTopK(int newTopK) {
        return new SearchRequest(query, newTopK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank,
                scope, asOf, pipelineCounts);
    }

    public SearchRequest withNamespace(String newNamespace) {
        return new SearchRequest(query, topK, newNamespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank,
                scope, asOf, pipelineCounts);
    }

    public SearchRequest withTagFilter(String newTagFilter) {
        return new SearchRequest(query, topK, namespace, newTagFilter, sourceFilter, bm25Weight, denseWeight, rerank,
                scope, asOf, pipelineCounts);
    }

    public SearchRequest withSourceFilter(String newSourceFilter) {
        return new SearchRequest(query, topK, namespace, tagFilter, newSourceFilter, bm25Weight, denseWeight, rerank,
                scope, asOf, pipelineCounts);
    }

    public SearchRequest withWeights(Double newBm25Weight, Double newDenseWeight) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, newBm25Weight, newDenseWeight,
                rerank, scope, asOf, pipelineCounts);
    }

    public SearchRequest withRerank(Boolean newRerank) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, newRerank,
                scope, asOf, pipelineCounts);
    }

    public SearchRequest withScope(String newScope) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank,
                newScope, asOf, pipelineCounts);
    }

    public SearchRequest withAsOf(String newAsOf) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank,
                scope, newAsOf, pipelineCounts);
    }

    public SearchRequest withPipelineCounts(boolean newPipelineCounts) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank,
                scope, asOf, newPipelineCounts);
    }
}
