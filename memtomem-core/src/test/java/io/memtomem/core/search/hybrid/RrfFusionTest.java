package io.memtomem.core.search.hybrid;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RrfFusionTest {

    private final RrfFusion fusion = new RrfFusion(RrfFusion.DEFAULT_K);
    private final List<Scored<String>> bm25 = List.of(new Scored<>("a", 9.0), new Scored<>("b", 7.0),
            new Scored<>("c", 1.0));
    private final List<Scored<String>> dense = List.of(new Scored<>("c", 0.9), new Scored<>("d", 0.8),
            new Scored<>("a", 0.7));

    private static List<String> keys(FusionResult<String> result) {
        return result.hits().stream().map(FusedHit::key).collect(Collectors.toList());
    }

    @Test
    void sumsWeightedReciprocalRanks() {
        FusionResult<String> result = fusion.fuse(bm25, dense, FusionWeights.DEFAULT, 10);

        assertEquals("rrf", result.scoreScale());
        assertEquals(List.of("a", "c", "b", "d"), keys(result));
        FusedHit<String> a = result.hits().get(0);
        assertEquals(1.0 / 61 + 1.0 / 63, a.score(), 1e-12);
        assertEquals(LegSource.FUSED, a.source());
        assertEquals(1.0 / 63 + 1.0 / 61, result.hits().get(1).score(), 1e-12);
        assertEquals(LegSource.BM25, result.hits().get(2).source());
        assertEquals(LegSource.DENSE, result.hits().get(3).source());
        assertEquals("dense", result.hits().get(3).source().label());
    }

    @Test
    void weightsScaleEachLeg() {
        FusionResult<String> result = fusion.fuse(bm25, dense, new FusionWeights(1.0, 3.0), 10);

        assertEquals(List.of("c", "a", "d", "b"), keys(result));
        assertEquals(1.0 / 63 + 3.0 / 61, result.hits().get(0).score(), 1e-12);
    }

    @Test
    void keepsOnlyThePool() {
        assertEquals(List.of("a", "c"), keys(fusion.fuse(bm25, dense, FusionWeights.DEFAULT, 2)));
    }

    @Test
    void aZeroWeightLegIsExcludedEvenAsFiller() {
        FusionResult<String> result = fusion.fuse(bm25, dense, new FusionWeights(0, 1), 10);

        assertEquals("dense", result.scoreScale());
        assertEquals(List.of("c", "d", "a"), keys(result));
        assertEquals(0.9, result.hits().get(0).score(), "passes through the dense leg's own scores");
        assertTrue(result.hits().stream().allMatch(hit -> hit.source() == LegSource.DENSE));
    }

    @Test
    void anEmptyLegLetsTheOtherPassThroughUnchanged() {
        FusionResult<String> result = fusion.fuse(bm25, List.of(), FusionWeights.DEFAULT, 2);

        assertEquals("bm25", result.scoreScale());
        assertEquals(List.of(9.0, 7.0), result.hits().stream().map(FusedHit::score).collect(Collectors.toList()));
    }

    @Test
    void nothingFromEitherLegIsAnEmptyResultOnTheActiveScale() {
        assertEquals("rrf", fusion.fuse(List.<Scored<String>>of(), List.of(), FusionWeights.DEFAULT, 5).scoreScale());
        assertEquals("bm25", fusion.fuse(List.<Scored<String>>of(), List.of(), new FusionWeights(1, 0), 5).scoreScale());
    }

    @Test
    void tiesKeepBm25OrderFirst() {
        FusionResult<String> result = fusion.fuse(List.of(new Scored<>("x", 1)), List.of(new Scored<>("y", 1)),
                FusionWeights.DEFAULT, 5);

        assertEquals(List.of("x", "y"), keys(result));
    }

    @Test
    void weightsMustBeFiniteNonNegativeAndNotBothZero() {
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new FusionWeights(1, Double.POSITIVE_INFINITY));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new FusionWeights(0, 0));
        assertTrue(both.getMessage().contains("bm25_weight and dense_weight"));
    }

    @Test
    void eachLegFetchesAtLeastFiftyCandidates() {
        assertEquals(50, RrfFusion.candidatesPerLeg(10));
        assertEquals(80, RrfFusion.candidatesPerLeg(80));
    }
}
