package io.memtomem.core.search;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.chunk.Validity;
import io.memtomem.core.config.SearchConfig;
import io.memtomem.core.embed.EmbeddingService;
import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.scope.ScopeFilter;
import io.memtomem.core.search.hybrid.FusedHit;
import io.memtomem.core.search.hybrid.FusionResult;
import io.memtomem.core.search.hybrid.FusionWeights;
import io.memtomem.core.search.hybrid.RrfFusion;
import io.memtomem.core.search.hybrid.Scored;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.SourceFilter;
import io.memtomem.core.store.StoredChunk;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Ranked search (memory-core.md §5.1): validate, run the BM25 leg and (when a provider with matching vectors is
 * configured) the dense leg, each with {@code max(candidates, top_k)} rows and the namespace and scope filters
 * inside, fuse them with weighted RRF (a lone leg passes through on its own scale), then apply the tag, source and
 * temporal-validity filters (at {@code as_of}, default now) and cut to {@code top_k}.
 *
 * <p>Difference from the reference, on purpose: the post-filters run over all candidates before the
 * {@code top_k} cut (the reference cuts first), so a filtered search still returns up to {@code top_k} hits.
 * Unfiltered results are identical.
 */
public final class SearchService {
    public static final int MAX_QUERY_CHARS = 10_000;
    public static final int MAX_TOP_K = 100;
    /** Reranking is off as in the reference's default config, and this build has no reranker to turn on. */
    static final String RERANK_DISABLED_HINT = "rerank=true requested but reranking is disabled (this build has no "
            + "cross-encoder reranker); results keep the fused order";

    private final SearchConfig config;
    private final Bm25Leg bm25;
    private final DenseLeg dense;
    private final EmbeddingService embeddings;
    private final RrfFusion fusion;
    private final Clock clock;

    public SearchService(SearchConfig config, Database database, EmbeddingService embeddings, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.bm25 = new Bm25Leg(database);
        this.dense = new DenseLeg(database, embeddings);
        this.embeddings = embeddings;
        this.fusion = new RrfFusion(config.rrfK());
    }

    public SearchResponse search(SearchRequest request) {
        validate(request);
        ScopeFilter scopes = ScopeFilter.parse("scope", request.scope());
        long validAt = AsOf.unixSeconds(request.asOf(), clock);
        double bm25Weight = request.bm25Weight() != null ? request.bm25Weight() : config.bm25Weight();
        double denseWeight = request.denseWeight() != null ? request.denseWeight() : config.denseWeight();
        List<String> hints = new ArrayList<>();
        if (Boolean.TRUE.equals(request.rerank())) {
            hints.add(RERANK_DISABLED_HINT);
        }
        boolean bm25On = config.enableBm25() && bm25Weight > 0;
        boolean denseOn = config.enableDense() && denseWeight > 0 && embeddings.configured().producesVectors();
        if (denseOn && !embeddings.denseAvailable()) {
            embeddings.mismatchHint().ifPresent(hints::add);
            denseOn = false;
        }
        if (!bm25On && !denseOn) {
            hints.add("BM25 is off (search.enable_bm25=false or bm25_weight=0) and the dense leg is unavailable"
                    + " (embedding.provider=none, search.enable_dense=false, dense_weight=0 or an embedding mismatch)");
            return new SearchResponse(List.of(), "none", hints,
                    request.pipelineCounts() ? Optional.of(new PipelineCounts(0, 0, 0)) : Optional.empty(), 0);
        }
        NamespaceFilter namespaces = NamespaceFilter.parse(request.namespace(), config.systemNamespacePrefixes());
        // the legs run concurrently (memory-core §5.1): the dense scan on another core while BM25 runs here
        CompletableFuture<List<Bm25Leg.Candidate>> denseFuture = denseOn
                ? CompletableFuture.supplyAsync(() -> dense.search(request.query(), namespaces, scopes,
                        Math.max(config.denseCandidates(), request.topK())))
                : CompletableFuture.completedFuture(List.of());
        TagFilter tags = TagFilter.parse(request.tagFilter());
        SourceFilter sources = SourceFilter.parse(request.sourceFilter());
        PostFilter filter = new PostFilter(tags, sources, validAt);
        int bm25Limit = Math.max(config.bm25Candidates(), request.topK());
        // fusion with the dense leg and the tag/source filters use every candidate; a lone BM25 leg passes through
        // cut to top_k, so only those rows are read - unless the validity filter drops one of them (see below)
        boolean allUsed = denseOn || !tags.isEmpty() || !sources.matchesEverything();
        Bm25Leg.Result bm25Result = Bm25Leg.Result.NONE;
        if (bm25On) {
            bm25Result = bm25.search(request.query(), namespaces, scopes, new Bm25Leg.Depth(bm25Limit,
                    allUsed ? bm25Limit : request.topK(), request.pipelineCounts()));
            HiddenNamespaceHint.of(bm25Result.hiddenMatches(), namespaces).ifPresent(hints::add);
        }
        List<Bm25Leg.Candidate> denseCandidates = denseCandidates(denseFuture, hints);
        FusionWeights weights = new FusionWeights(bm25On ? bm25Weight : 0, denseOn ? denseWeight : 0);
        Ranked ranked = fuseAndFilter(bm25Result.candidates(), denseCandidates, weights, filter, request.topK());
        if (ranked.hits().size() < request.topK() && bm25Result.unread() > 0) {
            // a read hit failed the validity filter: the candidates behind it must be read to fill top_k
            bm25Result = bm25.search(request.query(), namespaces, scopes,
                    new Bm25Leg.Depth(bm25Limit, bm25Limit, request.pipelineCounts()));
            ranked = fuseAndFilter(bm25Result.candidates(), denseCandidates, weights, filter, request.topK());
        }
        // candidates ranked but not read only exist when BM25 passed through alone: they still count as fused.
        // Fewer hits than top_k means every candidate was ranked (or the refill above ranked them all), so the
        // counts are exact and free; an empty result's "N found before filtering" relies on that
        boolean countsKnown = request.pipelineCounts() || ranked.hits().size() < request.topK();
        Optional<PipelineCounts> pipeline = countsKnown
                ? Optional.of(new PipelineCounts(bm25Result.found(), denseCandidates.size(),
                        ranked.fusedCount() + bm25Result.unread()))
                : Optional.empty();
        long pending = denseOn ? embeddings.pendingForSearch() : 0;
        return new SearchResponse(ranked.hits(), ranked.scoreScale(), hints, pipeline, pending);
    }

    /** The tag, source and validity filters applied after fusion. */
    private record PostFilter(TagFilter tags, SourceFilter sources, long validAt) {
        boolean keeps(StoredChunk chunk) {
            return tags.matchesAny(chunk.tags())
                    && (sources.matchesEverything() || sources.matches(chunk.source().toString()))
                    && new Validity(chunk.validFromUnix(), chunk.validToUnix()).holdsAt(validAt);
        }
    }

    /** The hits after fusion and the post-filters, the score scale, and how many results fusion produced. */
    private record Ranked(List<SearchHit> hits, String scoreScale, int fusedCount) {
    }

    private Ranked fuseAndFilter(List<Bm25Leg.Candidate> bm25Candidates, List<Bm25Leg.Candidate> denseCandidates,
                                 FusionWeights weights, PostFilter filter, int topK) {
        Map<String, Bm25Leg.Candidate> byId = new HashMap<>();
        FusionResult<String> fused = fusion.fuse(ranked(bm25Candidates, byId), ranked(denseCandidates, byId),
                weights, Integer.MAX_VALUE);
        List<SearchHit> hits = new ArrayList<>();
        for (FusedHit<String> result : fused.hits()) {
            StoredChunk chunk = byId.get(result.key()).chunk();
            if (hits.size() < topK && filter.keeps(chunk)) {
                hits.add(hit(hits.size() + 1, chunk, result.score()));
            }
        }
        return new Ranked(hits, fused.scoreScale(), fused.hits().size());
    }

    /** The dense leg's result; an embedding failure degrades to BM25 with a hint, other failures propagate. */
    private static List<Bm25Leg.Candidate> denseCandidates(CompletableFuture<List<Bm25Leg.Candidate>> future,
                                                           List<String> hints) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EmbeddingException failure) {
                hints.add("dense retrieval failed, results are BM25 only: " + failure.getMessage());
                return List.of();
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A leg as fusion input keyed by chunk id, remembering each chunk for the hits. */
    private static List<Scored<String>> ranked(List<Bm25Leg.Candidate> candidates, Map<String, Bm25Leg.Candidate> byId) {
        List<Scored<String>> ranked = new ArrayList<>(candidates.size());
        for (Bm25Leg.Candidate candidate : candidates) {
            byId.putIfAbsent(candidate.chunk().id(), candidate);
            ranked.add(new Scored<>(candidate.chunk().id(), candidate.score()));
        }
        return ranked;
    }

    private static SearchHit hit(int rank, StoredChunk chunk, double score) {
        return new SearchHit(rank, score, chunk.source(), chunk.hierarchy(), chunk.namespace(), chunk.id(),
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
