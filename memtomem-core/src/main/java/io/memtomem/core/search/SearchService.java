package io.memtomem.core.search;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.SourceFilter;
import io.memtomem.core.store.StoredChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranked search (memory-core.md §5.1, BM25 only until dense retrieval lands): validate, run the BM25 leg with
 * {@code max(bm25_candidates, top_k)} candidates and the namespace filter in SQL, then apply the tag and source
 * filters and cut to {@code top_k}.
 *
 * <p>Difference from the reference, on purpose: the tag/source post-filters run over all candidates before the
 * {@code top_k} cut (the reference cuts first), so a filtered search still returns up to {@code top_k} hits.
 * Unfiltered results are identical.
 */
public final class SearchService {
    public static final int MAX_QUERY_CHARS = 10_000;
    public static final int MAX_TOP_K = 100;

    private final MemtomemConfig config;
    private final Bm25Leg bm25;

    public SearchService(MemtomemConfig config, Database database) {
        this.config = config;
        this.bm25 = new Bm25Leg(database);
    }

    public SearchResponse search(SearchRequest request) {
        validate(request);
        double bm25Weight = request.bm25Weight() != null ? request.bm25Weight() : config.rrfWeights().get(0);
        double denseWeight = request.denseWeight() != null ? request.denseWeight() : config.rrfWeights().get(1);
        List<String> hints = new ArrayList<>();
        if (denseWeight > 0 && config.enableDense() && !"none".equals(config.embeddingProvider())) {
            hints.add("dense retrieval is not available in this build; results are BM25 only");
        }
        if (!config.enableBm25() || bm25Weight == 0) {
            hints.add("BM25 is off (search.enable_bm25=false or bm25_weight=0) and no dense leg is available");
            return new SearchResponse(List.of(), "none", hints, 0, 0, 0);
        }
        NamespaceFilter namespaces = NamespaceFilter.parse(request.namespace(), config.systemNamespacePrefixes());
        int candidates = Math.max(config.bm25Candidates(), request.topK());
        Bm25Leg.Result result = bm25.search(request.query(), namespaces, candidates);
        HiddenNamespaceHint.of(result.hiddenMatches(), namespaces).ifPresent(hints::add);
        TagFilter tags = TagFilter.parse(request.tagFilter());
        SourceFilter sources = SourceFilter.parse(request.sourceFilter());
        List<SearchHit> hits = new ArrayList<>();
        for (Bm25Leg.Candidate candidate : result.candidates()) {
            StoredChunk chunk = candidate.chunk();
            if (hits.size() < request.topK() && tags.matchesAny(chunk.tags())
                    && sources.matches(chunk.source().toString())) {
                hits.add(hit(hits.size() + 1, candidate));
            }
        }
        int found = result.candidates().size();
        return new SearchResponse(hits, "bm25", hints, found, 0, found);
    }

    private static SearchHit hit(int rank, Bm25Leg.Candidate candidate) {
        StoredChunk chunk = candidate.chunk();
        return new SearchHit(rank, candidate.score(), chunk.source(), chunk.hierarchy(), chunk.namespace(), chunk.id(),
                chunk.content(), chunk.contentHash(), chunk.startLine(), chunk.endLine(), chunk.tags());
    }

    private static void validate(SearchRequest request) {
        String query = request.query();
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query", "query must not be empty");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidInputException("query", "query is " + query.length() + " characters; the limit is "
                    + MAX_QUERY_CHARS);
        }
        if (request.topK() < 1 || request.topK() > MAX_TOP_K) {
            throw new InvalidInputException("top_k", "top_k must be between 1 and " + MAX_TOP_K + ", got "
                    + request.topK());
        }
        requireWeight("bm25_weight", request.bm25Weight());
        requireWeight("dense_weight", request.denseWeight());
        if (request.bm25Weight() != null && request.denseWeight() != null && request.bm25Weight() == 0
                && request.denseWeight() == 0) {
            throw new InvalidInputException("bm25_weight", "bm25_weight and dense_weight must not both be 0");
        }
    }

    private static void requireWeight(String parameter, Double weight) {
        if (weight != null && (weight.isNaN() || weight.isInfinite() || weight < 0)) {
            throw new InvalidInputException(parameter, parameter + " must be a finite number >= 0, got " + weight);
        }
    }
}
