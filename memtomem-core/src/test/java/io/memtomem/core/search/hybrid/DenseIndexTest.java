package io.memtomem.core.search.hybrid;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseIndexTest {

    private static final int DIM = 37; // not a multiple of the 8-wide unrolling, so the tail loop is exercised

    private final Random random = new Random(42);

    private float[] randomVector() {
        float[] vector = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Brute force in double precision over a plain map: the oracle the optimised scan must agree with. */
    private static List<Long> bruteForce(Map<Long, float[]> rows, float[] query, int k, LongPredicate filter) {
        return rows.entrySet().stream().filter(e -> filter.test(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<Long, float[]> e) -> -cosine(query, e.getValue())))
                .limit(k).map(Map.Entry::getKey).collect(Collectors.toList());
    }

    @Test
    void matchesBruteForceThroughUpsertsRemovalsAndFilters() {
        DenseIndex index = new DenseIndex(DIM);
        Map<Long, float[]> rows = new HashMap<>();
        for (long rowid = 1; rowid <= 3000; rowid++) {
            float[] vector = randomVector();
            rows.put(rowid, vector);
            index.upsert(rowid, vector);
        }
        for (long rowid = 1; rowid <= 3000; rowid += 7) {
            rows.remove(rowid);
            index.remove(rowid);
        }
        for (long rowid = 2; rowid <= 3000; rowid += 11) {
            float[] replacement = randomVector();
            rows.replace(rowid, replacement);
            if (rows.containsKey(rowid)) {
                index.upsert(rowid, replacement);
            }
        }
        assertEquals(rows.size(), index.size());

        for (LongPredicate filter : List.<LongPredicate>of(rowid -> true, rowid -> rowid % 3 == 0, rowid -> rowid < 40)) {
            for (int trial = 0; trial < 20; trial++) {
                float[] query = randomVector();
                List<Long> found = index.search(query, 10, filter).stream().map(DenseHit::rowid)
                        .collect(Collectors.toList());
                assertEquals(bruteForce(rows, query, 10, filter), found);
            }
        }
    }

    private float[] randomWindows(int count) {
        float[] windows = new float[count * DIM];
        for (int w = 0; w < count; w++) {
            System.arraycopy(randomVector(), 0, windows, w * DIM, DIM);
        }
        return windows;
    }

    private static double bestWindow(float[] query, float[] windows) {
        double best = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < windows.length / DIM; w++) {
            best = Math.max(best, cosine(query, java.util.Arrays.copyOfRange(windows, w * DIM, (w + 1) * DIM)));
        }
        return best;
    }

    @Test
    void chunksOfSeveralWindowsRankByTheirBestWindowThroughUpsertsRemovalsAndFilters() {
        DenseIndex index = new DenseIndex(DIM);
        Map<Long, float[]> rows = new HashMap<>();
        for (long rowid = 1; rowid <= 1500; rowid++) {
            float[] windows = randomWindows(1 + random.nextInt(4));
            rows.put(rowid, windows);
            index.upsert(rowid, windows);
        }
        for (long rowid = 1; rowid <= 1500; rowid += 5) {
            rows.remove(rowid);
            index.remove(rowid);
        }
        for (long rowid = 3; rowid <= 1500; rowid += 7) {
            if (rows.containsKey(rowid)) {
                float[] replacement = randomWindows(1 + random.nextInt(4));
                rows.put(rowid, replacement);
                index.upsert(rowid, replacement);
            }
        }
        assertEquals(rows.size(), index.size());
        for (LongPredicate filter : List.<LongPredicate>of(rowid -> true, rowid -> rowid % 3 == 0)) {
            for (int trial = 0; trial < 20; trial++) {
                float[] query = randomVector();
                List<Long> expected = rows.entrySet().stream().filter(e -> filter.test(e.getKey()))
                        .sorted(Comparator.comparingDouble((Map.Entry<Long, float[]> e) ->
                                -bestWindow(query, e.getValue())))
                        .limit(10).map(Map.Entry::getKey).collect(Collectors.toList());
                assertEquals(expected, index.search(query, 10, filter).stream().map(DenseHit::rowid)
                        .collect(Collectors.toList()));
            }
        }
    }

    @Test
    void aLongChunkScoresAsItsBestWindowNotTheAverageOfItsWindows() {
        DenseIndex index = new DenseIndex(2);
        index.upsert(1, new float[] {0, 1, 1, 0});  // one window off-topic, one exactly on the query
        index.upsert(2, new float[] {1, 0.9f});     // one window moderately close
        List<DenseHit> hits = index.search(new float[] {1, 0}, 2, null);
        assertEquals(List.of(1L, 2L), hits.stream().map(DenseHit::rowid).collect(Collectors.toList()));
        assertEquals(1.0f, hits.get(0).cosine(), 1e-6);
    }

    @Test
    void scoresAreCosineAndBestFirst() {
        DenseIndex index = new DenseIndex(2);
        index.upsert(1, new float[] {10, 0});
        index.upsert(2, new float[] {1, 1});
        index.upsert(3, new float[] {-3, 0});

        List<DenseHit> hits = index.search(new float[] {2, 0}, 5, null);

        assertEquals(List.of(1L, 2L, 3L), hits.stream().map(DenseHit::rowid).collect(Collectors.toList()));
        assertEquals(1.0f, hits.get(0).cosine(), 1e-6);
        assertEquals(Math.sqrt(0.5), hits.get(1).cosine(), 1e-6);
        assertEquals(-1.0f, hits.get(2).cosine(), 1e-6);
        assertEquals(1.0, hits.get(0).score(), 1e-6, "1/(1+L2) with L2 = 0");
        assertEquals(1.0 / 3.0, hits.get(2).score(), 1e-6, "opposite unit vectors are 2 apart");
    }

    @Test
    void emptyIndexAndFilteredOutRowsGiveNothing() {
        DenseIndex index = new DenseIndex(DIM);
        assertTrue(index.search(randomVector(), 5, null).isEmpty());

        index.upsert(9, randomVector());
        assertTrue(index.search(randomVector(), 5, rowid -> false).isEmpty());
        index.clear();
        assertEquals(0, index.size());
    }

    @Test
    void rejectsVectorsOfTheWrongWidth() {
        DenseIndex index = new DenseIndex(DIM);

        assertThrows(IllegalArgumentException.class, () -> index.upsert(1, new float[DIM + 1]));
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[3], 1, null));
    }
}
