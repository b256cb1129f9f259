package io.memtomem.core.search.hybrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (memory-core §5.4): {@code score(d) = Σ w_leg / (k + rank_leg(d))}, ranks from 1.
 * When only one leg is active, or the other returned nothing, its list passes through untouched with its own score
 * scale: RRF over one list would only squash the scores without changing the order.
 */
public final class RrfFusion {

    public static final int DEFAULT_K = 60;
    public static final int CANDIDATES_PER_LEG = 50;

    private final int k;

    public RrfFusion(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("rrf_k must be >= 1, got " + k);
        }
        this.k = k;
    }

    /** How many candidates each leg should fetch for a request of {@code topK}. */
    public static int candidatesPerLeg(int topK) {
        return Math.max(CANDIDATES_PER_LEG, topK);
    }

    /**
     * @param bm25  the BM25 leg, best first
     * @param dense the dense leg, best first
     * @param pool  how many fused results to keep
     */
    public <K> FusionResult<K> fuse(List<Scored<K>> bm25, List<Scored<K>> dense, FusionWeights weights, int pool) {
        boolean bm25Active = weights.bm25() > 0 && !bm25.isEmpty();
        boolean denseActive = weights.dense() > 0 && !dense.isEmpty();
        if (bm25Active && !denseActive) {
            return passThrough(bm25, LegSource.BM25, pool);
        }
        if (denseActive && !bm25Active) {
            return passThrough(dense, LegSource.DENSE, pool);
        }
        String scale = weights.dense() == 0 ? "bm25" : weights.bm25() == 0 ? "dense" : "rrf";
        if (!bm25Active) {
            return new FusionResult<>(List.of(), scale);
        }
        Map<K, Accumulator> fused = new LinkedHashMap<>();
        accumulate(fused, bm25, weights.bm25(), LegSource.BM25);
        accumulate(fused, dense, weights.dense(), LegSource.DENSE);
        List<FusedHit<K>> hits = new ArrayList<>(fused.size());
        fused.forEach((key, acc) -> hits.add(new FusedHit<>(key, acc.score, acc.source)));
        // List.sort is stable: equal scores keep first-seen order, BM25's list before dense's.
        hits.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new FusionResult<>(hits.subList(0, Math.min(pool, hits.size())), "rrf");
    }

    private <K> void accumulate(Map<K, Accumulator> fused, List<Scored<K>> leg, double weight, LegSource source) {
        for (int rank = 1; rank <= leg.size(); rank++) {
            Accumulator acc = fused.computeIfAbsent(leg.get(rank - 1).key(), key -> new Accumulator(source));
            if (acc.source != source) {
                acc.source = LegSource.FUSED;
            }
            acc.score += weight / (k + rank);
        }
    }

    private static <K> FusionResult<K> passThrough(List<Scored<K>> leg, LegSource source, int pool) {
        List<FusedHit<K>> hits = new ArrayList<>(Math.min(pool, leg.size()));
        for (Scored<K> entry : leg.subList(0, Math.min(pool, leg.size()))) {
            hits.add(new FusedHit<>(entry.key(), entry.score(), source));
        }
        return new FusionResult<>(hits, source.label());
    }

    private static final class Accumulator {
        private double score;
        private LegSource source;

        private Accumulator(LegSource source) {
            this.source = source;
        }
    }
}
