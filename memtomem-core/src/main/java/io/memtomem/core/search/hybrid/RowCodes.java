package io.memtomem.core.search.hybrid;

import java.util.Arrays;

/**
 * A few bits per coordinate of every window row of a {@link DenseIndex}, so a query can estimate all its cosines
 * from a tenth of the float matrix and re-score only the few that can matter exactly.
 *
 * <p>A row is coded relative to a centroid: each coordinate of {@code r = row - centroid} becomes a level
 * {@code u} of a uniform {@value #ROW_BITS}-bit quantiser whose step is set by {@code |r|/√dimension} (near the best
 * uniform quantiser for such coordinates), stored as bit planes, plus one factor {@code |r|² / <u - mid, r>}. Then
 * {@code factor · <u - mid, q>} estimates {@code <r, q>} (the estimator of RaBitQ, Gao &amp; Long 2024, with more bits
 * and without its random rotation: the exact re-score absorbs what is left), and {@code <row, q>} differs from
 * {@code <r, q>} by {@code <centroid, q>}, computed once per query. Centring matters because embedding models put
 * every text in a narrow cone: uncentred, most levels would be the cone's and say little about the text. Any centroid
 * gives valid estimates; the mean row gives the best ones, so it is recomputed (and every code with it) each time the
 * row count has doubled.
 *
 * <p>The query is quantised to {@value #QUERY_BITS} bits a coordinate, so {@code <u, q>} is a weighted sum of
 * {@code Long.bitCount}s of ANDed planes: no float arithmetic per coordinate, several times faster than the exact
 * dot product on one core.
 */
final class RowCodes {

    /** Below this many rows the centroid is not worth computing yet (and the exact scan is used anyway). */
    private static final int FIRST_CENTRING = 256;
    /** Three: {@link #estimate} reads the planes of a word by name. */
    private static final int ROW_BITS = 3;
    private static final int ROW_LEVELS = 1 << ROW_BITS;
    /** The quantiser step in units of the coordinates' spread: the best uniform 8-level step for normal values. */
    private static final double STEP_PER_SPREAD = 0.586;
    private static final int QUERY_BITS = 4;
    private static final int QUERY_LEVELS = (1 << QUERY_BITS) - 1;

    private final int dimension;
    private final int words;
    private final int wordsPerRow;
    private final float[] centroid;
    /** Running sum of the unit rows held, so the next centroid costs nothing to find. */
    private final double[] sum;
    private int rowsAtCentring;
    /** Per row and 64 coordinates: {@link #ROW_BITS} words, one per bit of the level, lowest first. */
    private long[] planes;
    private float[] factors;
    /** Per row: the sum of its levels. */
    private int[] levelSums;

    RowCodes(int dimension, int capacity) {
        this.dimension = dimension;
        this.words = (dimension + 63) / 64;
        this.wordsPerRow = ROW_BITS * words;
        this.centroid = new float[dimension];
        this.sum = new double[dimension];
        this.planes = new long[capacity * wordsPerRow];
        this.factors = new float[capacity];
        this.levelSums = new int[capacity];
    }

    void ensureCapacity(int rows) {
        if (rows > factors.length) {
            planes = Arrays.copyOf(planes, Math.multiplyExact(rows, wordsPerRow));
            factors = Arrays.copyOf(factors, rows);
            levelSums = Arrays.copyOf(levelSums, rows);
        }
    }

    /** Records the unit row just written at {@code row} of {@code matrix}. */
    void add(float[] matrix, int row) {
        int offset = row * dimension;
        for (int d = 0; d < dimension; d++) {
            sum[d] += matrix[offset + d];
        }
        encode(matrix, row);
    }

    /** Forgets the row at {@code row} of {@code matrix}, before it is overwritten or dropped. */
    void forget(float[] matrix, int row) {
        int offset = row * dimension;
        for (int d = 0; d < dimension; d++) {
            sum[d] -= matrix[offset + d];
        }
    }

    /** The row at {@code from} now lives at {@code to}. */
    void move(int from, int to) {
        System.arraycopy(planes, from * wordsPerRow, planes, to * wordsPerRow, wordsPerRow);
        factors[to] = factors[from];
        levelSums[to] = levelSums[from];
    }

    void clear() {
        Arrays.fill(sum, 0);
        Arrays.fill(centroid, 0);
        rowsAtCentring = 0;
    }

    /** Re-centres on the mean row and re-encodes all {@code rows} once their count has doubled since the last time. */
    void recentreIfGrown(float[] matrix, int rows) {
        if (rows < FIRST_CENTRING || rows < 2 * rowsAtCentring) {
            return;
        }
        for (int d = 0; d < dimension; d++) {
            centroid[d] = (float) (sum[d] / rows);
        }
        for (int row = 0; row < rows; row++) {
            encode(matrix, row);
        }
        rowsAtCentring = rows;
    }

    private void encode(float[] matrix, int row) {
        int offset = row * dimension;
        double squares = 0;
        for (int d = 0; d < dimension; d++) {
            double r = matrix[offset + d] - centroid[d];
            squares += r * r;
        }
        int base = row * wordsPerRow;
        Arrays.fill(planes, base, base + wordsPerRow, 0L);
        double step = STEP_PER_SPREAD * Math.sqrt(squares / dimension);
        double mid = (ROW_LEVELS - 1) / 2.0;
        double alignment = 0;
        int levelSum = 0;
        for (int d = 0; d < dimension; d++) {
            double r = matrix[offset + d] - centroid[d];
            // a zero residual (the row is the centroid) gets factor 0 below, so its estimate is the centroid's
            int level = step > 0
                    ? Math.max(0, Math.min(ROW_LEVELS - 1, (int) Math.floor(r / step) + ROW_LEVELS / 2))
                    : ROW_LEVELS / 2;
            for (int bit = 0; bit < ROW_BITS; bit++) {
                planes[base + (d >>> 6) * ROW_BITS + bit] |= (long) ((level >>> bit) & 1) << d;
            }
            alignment += (level - mid) * r;
            levelSum += level;
        }
        factors[row] = alignment > 0 ? (float) (squares / alignment) : 0f;
        levelSums[row] = levelSum;
    }

    /** A unit query, quantised for {@link #estimate}. */
    Query query(float[] unitQuery) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (float q : unitQuery) {
            low = Math.min(low, q);
            high = Math.max(high, q);
        }
        float step = high > low ? (high - low) / QUERY_LEVELS : 1f;
        long[] queryPlanes = new long[QUERY_BITS * words];
        long levelSum = 0;
        double shift = 0;
        for (int d = 0; d < dimension; d++) {
            int level = Math.round((unitQuery[d] - low) / step);
            levelSum += level;
            for (int bit = 0; bit < QUERY_BITS; bit++) {
                queryPlanes[(d >>> 6) * QUERY_BITS + bit] |= (long) ((level >>> bit) & 1) << d;
            }
            shift += (double) centroid[d] * unitQuery[d];
        }
        // <u - mid, q~> = low·Σu + step·<u, v> - mid·Σq~, with Σq~ = dimension·low + step·Σv
        double mid = (ROW_LEVELS - 1) / 2.0;
        return new Query(queryPlanes, low, step, (float) (mid * (dimension * (double) low + step * levelSum)),
                (float) shift);
    }

    /** The query's bit planes and the terms that turn their popcounts into an estimate of the cosine. */
    record Query(long[] planes, float low, float step, float offset, float shift) {
    }

    /** Estimates the cosine {@code <row, q>} of a unit row and query. */
    float estimate(Query query, int row) {
        long[] queryPlanes = query.planes();
        int base = row * wordsPerRow;
        long dot = 0;
        for (int w = 0; w < words; w++) {
            long bit0 = planes[base + w * ROW_BITS];
            long bit1 = planes[base + w * ROW_BITS + 1];
            long bit2 = planes[base + w * ROW_BITS + 2];
            for (int queryBit = 0; queryBit < QUERY_BITS; queryBit++) {
                long plane = queryPlanes[w * QUERY_BITS + queryBit];
                int counts = Long.bitCount(bit0 & plane) + 2 * Long.bitCount(bit1 & plane)
                        + 4 * Long.bitCount(bit2 & plane);
                dot += (long) counts << queryBit;
            }
        }
        return factors[row] * (query.low() * levelSums[row] + query.step() * dot - query.offset()) + query.shift();
    }
}
