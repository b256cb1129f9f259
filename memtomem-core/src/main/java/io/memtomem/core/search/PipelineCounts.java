package io.memtomem.core.search;

/**
 * How many candidates each stage of a search saw (the reference's {@code BM25:n → Dense:n → RRF:n} line): BM25 and
 * dense candidates, each at most the leg's configured candidate count, and the fused results before the tag, source
 * and validity filters.
 */
public record PipelineCounts(int bm25Candidates, int denseCandidates, int beforeFilterCount) {
}
