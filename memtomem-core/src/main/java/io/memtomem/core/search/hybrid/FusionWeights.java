package io.memtomem.core.search.hybrid;

/**
 * Per-leg RRF weights (memory-core §5.4): finite, non-negative, not both zero. A zero weight switches its leg off
 * entirely; the caller also passes zero for a leg that is disabled or unavailable (no provider, model mismatch).
 */
public record FusionWeights(double bm25, double dense) {

    public static final FusionWeights DEFAULT = new FusionWeights(1.0, 1.0);

    public FusionWeights {
        requireValid("bm25_weight", bm25);
        requireValid("dense_weight", dense);
        if (bm25 == 0 && dense == 0) {
            throw new IllegalArgumentException("bm25_weight and dense_weight cannot both be 0");
        }
    }

    private static void requireValid(String parameter, double weight) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException(parameter + " must be a finite number >= 0, got " + weight);
        }
    }
}
