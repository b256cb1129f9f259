package io.memtomem.core.search;

/**
 * A ranked search. {@code namespace} is exact, a comma list or a {@code *} glob (null = all but the hidden system
 * namespaces); {@code tagFilter} is a comma list matched if any tag is present; {@code sourceFilter} is a substring of
 * the absolute path, or a glob when it contains {@code * ? [}. Null weights mean the configured ones. {@code rerank}
 * null or false: no reranking; true asks for it, which this build cannot do (it has no reranker) and says so in a hint.
 */
public record SearchRequest(String query, int topK, String namespace, String tagFilter, String sourceFilter,
                            Double bm25Weight, Double denseWeight, Boolean rerank) {
    public static final int DEFAULT_TOP_K = 10;

    public static SearchRequest of(String query) {
        return new SearchRequest(query, DEFAULT_TOP_K, null, null, null, null, null, null);
    }

    public SearchRequest withTopK(int newTopK) {
        return new SearchRequest(query, newTopK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank);
    }

    public SearchRequest withNamespace(String newNamespace) {
        return new SearchRequest(query, topK, newNamespace, tagFilter, sourceFilter, bm25Weight, denseWeight, rerank);
    }

    public SearchRequest withTagFilter(String newTagFilter) {
        return new SearchRequest(query, topK, namespace, newTagFilter, sourceFilter, bm25Weight, denseWeight, rerank);
    }

    public SearchRequest withSourceFilter(String newSourceFilter) {
        return new SearchRequest(query, topK, namespace, tagFilter, newSourceFilter, bm25Weight, denseWeight, rerank);
    }

    public SearchRequest withWeights(Double newBm25Weight, Double newDenseWeight) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, newBm25Weight, newDenseWeight,
                rerank);
    }

    public SearchRequest withRerank(Boolean newRerank) {
        return new SearchRequest(query, topK, namespace, tagFilter, sourceFilter, bm25Weight, denseWeight, newRerank);
    }
}
