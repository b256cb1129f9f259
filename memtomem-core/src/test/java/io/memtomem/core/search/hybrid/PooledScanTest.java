package io.memtomem.core.search.hybrid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-pass search of a large {@link DenseIndex} (sign-code estimates, then an exact re-score of the best pool)
 * must return what the exact scan returns: the same chunks, in the same order, with the same scores.
 */
class PooledScanTest {

    private static final int DIM = 384;
    /** Large enough that a search of the top 50 goes through the pool, not the exact scan. */
    private static final int CHUNKS = 30_000;

    private final Random random = new Random(5);

    /**
     * Vectors shaped like a sentence-embedding model's: every text shares a large common component (the narrow cone
     * such models put all text in, including a few outlier dimensions much larger than the rest), texts on one of
     * 500 topics share a topic direction, and the rest is each text's own. Two unrelated texts have a cosine near
     * .4, two on one topic near .6, as with bge-small.
     */
    private final class Embeddings {
        private final float[] common = unit(gaussian());
        private final float[][] topics = new float[500][];

        Embeddings() {
            for (int d = 0; d < 5; d++) {
                common[random.nextInt(DIM)] += 0.3f;
            }
            for (int t = 0; t < topics.length; t++) {
                topics[t] = unit(gaussian());
            }
        }

        float[] text() {
            return text(topics[random.nextInt(topics.length)]);
        }

        private float[] text(float[] topic) {
            float[] own = unit(gaussian());
            float[] vector = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                vector[d] = common[d] + 0.8f * topic[d] + own[d];
            }
            return vector;
        }
    }

    private float[] gaussian() {
        float[] vector = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static float[] unit(float[] vector) {
        float[] unit = new float[vector.length];
        DenseIndex.unitInto(vector, 0, unit, 0, vector.length);
        return unit;
    }

    /** An index of {@link #CHUNKS} chunks, rowids 1 up, one vector each. */
    private static DenseIndex filled(Supplier<float[]> vectors) {
        DenseIndex index = new DenseIndex(DIM);
        for (long rowid = 1; rowid <= CHUNKS; rowid++) {
            index.upsert(rowid, vectors.get());
        }
        return index;
    }

    /** Same chunks, order and scores; a mismatch names the first position that differs, not two lists of 50. */
    private static void assertSameAsExact(DenseIndex index, float[] query, int k, LongPredicate filter) {
        List<DenseHit> exact = index.searchExactly(query, k, filter);
        List<DenseHit> pooled = index.search(query, k, filter);
        for (int i = 0; i < Math.max(exact.size(), pooled.size()); i++) {
            assertEquals(i < exact.size() ? exact.get(i) : null, i < pooled.size() ? pooled.get(i) : null,
                    "hit " + (i + 1) + " of " + k);
        }
    }

    @Test
    void aSearchOfALargeIndexGoesThroughThePool() {
        assertEquals(500, DenseIndex.poolSize(50, CHUNKS), "ten per result");
        assertEquals(256, DenseIndex.poolSize(10, CHUNKS), "never a tiny pool");
        assertEquals(CHUNKS, DenseIndex.poolSize(10_000, CHUNKS), "a pool near the index size is the exact scan");
        assertEquals(1000, DenseIndex.poolSize(10, 1000), "so is a small index");
    }

    @Test
    void pooledScanReturnsTheExactTopKOnEmbeddingLikeVectors() {
        Embeddings embeddings = new Embeddings();
        DenseIndex index = filled(embeddings::text);
        for (int query = 0; query < 40; query++) {
            float[] vector = embeddings.text();
            assertSameAsExact(index, vector, 10, null);
            assertSameAsExact(index, vector, 50, null);
            assertSameAsExact(index, vector, 50, rowid -> rowid % 3 == 0);
            assertSameAsExact(index, vector, 10, rowid -> rowid < 40);
        }
    }

    @Test
    void chunksOfSeveralWindowsAreReScoredByAllTheirWindows() {
        Embeddings embeddings = new Embeddings();
        DenseIndex index = new DenseIndex(DIM);
        for (long rowid = 1; rowid <= CHUNKS / 2; rowid++) {
            int windows = 1 + random.nextInt(3);
            float[] vectors = new float[windows * DIM];
            for (int w = 0; w < windows; w++) {
                System.arraycopy(embeddings.text(), 0, vectors, w * DIM, DIM);
            }
            index.upsert(rowid, vectors);
        }
        for (int query = 0; query < 40; query++) {
            assertSameAsExact(index, embeddings.text(), 50, null);
        }
    }

    @Test
    void deletesAndUpdatesKeepThePoolInStepWithTheVectors() {
        Embeddings embeddings = new Embeddings();
        DenseIndex index = filled(embeddings::text);
        Set<Long> removed = new HashSet<>();
        for (long rowid = 1; rowid <= CHUNKS; rowid += 3) {
            index.remove(rowid);
            removed.add(rowid);
        }
        List<float[]> updated = new ArrayList<>();
        for (long rowid = 2; rowid <= CHUNKS; rowid += 97) {
            float[] replacement = embeddings.text();
            index.upsert(rowid, replacement);
            removed.remove(rowid); // an update of a deleted chunk brings it back
            updated.add(replacement);
        }
        assertEquals(CHUNKS - removed.size(), index.size());

        for (int query = 0; query < 20; query++) {
            float[] vector = embeddings.text();
            assertSameAsExact(index, vector, 50, null);
            assertFalse(index.search(vector, 50, null).stream().anyMatch(hit -> removed.contains(hit.rowid())));
        }
        for (int i = 0; i < updated.size(); i += 10) {
            DenseHit top = index.search(updated.get(i), 1, null).get(0);
            assertEquals(2 + 97L * i, top.rowid(), "an updated chunk is found by its new vector");
            assertEquals(1.0f, top.cosine(), 1e-5);
        }
    }

    @Test
    void rowsAddedAfterTheCodesWereBuiltAreCodedAsTheyComeAndAfterADoublingAgainstANewCentre() {
        Embeddings embeddings = new Embeddings();
        DenseIndex index = filled(embeddings::text);
        assertSameAsExact(index, embeddings.text(), 50, null);
        assertSameAsExact(index, embeddings.text(), 50, null); // the second search builds the codes
        long rowid = CHUNKS;
        for (int round = 0; round < 2; round++) {
            // first a third more (coded one by one), then past twice the rows coded (all coded again)
            int more = round == 0 ? CHUNKS / 3 : CHUNKS;
            float[] last = null;
            for (int i = 0; i < more; i++) {
                last = embeddings.text();
                index.upsert(++rowid, last);
            }
            assertEquals(rowid, index.search(last, 1, null).get(0).rowid());
            for (int query = 0; query < 10; query++) {
                assertSameAsExact(index, embeddings.text(), 50, null);
            }
        }
    }

    @Test
    void aClearedIndexRefilledWithOtherVectorsIsSearchedByThoseAlone() {
        Embeddings before = new Embeddings();
        DenseIndex index = filled(before::text);
        index.clear();
        Embeddings after = new Embeddings(); // another cone: the row codes must be re-centred on it
        for (long rowid = CHUNKS + 1; rowid <= 2 * CHUNKS; rowid++) {
            index.upsert(rowid, after.text());
        }
        for (int query = 0; query < 20; query++) {
            float[] vector = after.text();
            assertSameAsExact(index, vector, 50, null);
            assertTrue(index.search(vector, 50, null).stream().allMatch(hit -> hit.rowid() > CHUNKS));
        }
    }

    @Test
    void zeroVectorsAndAZeroQueryGiveWhatTheExactScanGives() {
        Embeddings embeddings = new Embeddings();
        DenseIndex index = new DenseIndex(DIM);
        for (long rowid = 1; rowid <= CHUNKS; rowid++) {
            index.upsert(rowid, rowid % 1000 == 0 ? new float[DIM] : embeddings.text());
        }
        float[] away = embeddings.text();
        for (int d = 0; d < DIM; d++) {
            away[d] = -away[d]; // every text scores below 0, so the zero rows (cosine 0) lead
        }
        List<DenseHit> hits = index.search(away, 10, null);
        assertEquals(index.searchExactly(away, 10, null), hits);
        assertTrue(hits.stream().allMatch(hit -> hit.rowid() % 1000 == 0 && hit.cosine() == 0f));

        assertSameAsExact(index, new float[DIM], 50, null);
    }

    @Test
    void aVectorWithANonFiniteValueIsRefusedSoItCannotSkewTheCentroid() {
        DenseIndex index = new DenseIndex(DIM);
        float[] broken = gaussian();
        broken[7] = Float.NaN;
        assertFalse(index.fits(broken));
        broken[7] = Float.POSITIVE_INFINITY;
        assertFalse(index.fits(broken));
        assertThrows(IllegalArgumentException.class, () -> index.upsert(1, broken));
        assertTrue(index.fits(gaussian()));
        assertEquals(0, index.size());
    }

    /**
     * Independent random directions are the worst case for any sketch: nothing separates the best cosines (about .2)
     * from the bulk. With a pool of just k, the best estimates alone miss some of the exact top k; the re-score
     * reaches every chunk whose estimate is within four typical errors of the k-th exact score, so nothing is missed.
     */
    @Test
    void evenUnstructuredRandomVectorsThroughAPoolOfKGiveTheExactTopK() {
        DenseIndex index = filled(this::gaussian);
        for (int query = 0; query < 30; query++) {
            float[] vector = gaussian();
            assertSameAsExact(index, vector, 10, null);
            assertEquals(index.searchExactly(vector, 50, null), index.searchPooled(vector, 50, 50, null));
        }
    }
}
