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
 * row count has doubled. Codes are built by the second search that needs them: loading a store costs nothing
 * extra, a one-shot search is exact, and a store small enough for the exact scan never has them.
 *
 * <p>The query is quantised to {@value #QUERY_BITS} bits a coordinate, so {@code <u, q>} is a weighted sum of
 * {@code Long.bitCount}s of ANDed planes: no float arithmetic per coordinate, several times faster than the exact
 * dot product on one core.
 */
final class RowCodes {

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
    /** False until the first search that needs the codes, and again after a clear or a doubling of the rows. */
    private boolean current;
    /** Per row and 64 coordinates: {@link #ROW_BITS} words, one per bit of the level, lowest first. */
    private long[] planes;
    private float[] factors;
    /** Per row: the sum of its levels. */
    private int[] levelSums;

    /** Holds no codes until the first {@link #rebuild}: a store that never needs them never pays their memory. */
    RowCodes(int dimension) {
        this.dimension = dimension;
        this.words = (dimension + 63) / 64;
        this.wordsPerRow = ROW_BITS * words;
        this.centroid = new float[dimension];
        this.sum = new double[dimension];
        this.planes = new long[0];
        this.factors = new float[0];
        this.levelSums = new int[0];
    }

    /** Room for {@code rows} codes, once codes exist at all. */
    void ensureCapacity(int rows) {
        if (factors.length > 0 && rows > factors.length) {
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
        if (current) {
            encode(matrix, row);
        }
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
        if (factors.length == 0) {
            return;
        }
        System.arraycopy(planes, from * wordsPerRow, planes, to * wordsPerRow, wordsPerRow);
        factors[to] = factors[from];
        levelSums[to] = levelSums[from];
    }

    void clear() {
        Arrays.fill(sum, 0);
        current = false;
    }

    /** The index now holds {@code rows}: once twice as many as at the last centring, the codes want a new centre. */
    void noteGrowth(int rows) {
        if (rows >= 2 * rowsAtCentring) {
            current = false;
        }
    }

    /** True when every row has a code, taken against a centre of at least half the rows. */
    boolean current() {
        return current;
    }

    /** Centres on the mean of the {@code rows} held and codes every one of them, with room for {@code capacity}. */
    void rebuild(float[] matrix, int rows, int capacity) {
        if (factors.length < capacity) {
            planes = new long[Math.multiplyExact(capacity, wordsPerRow)];
            factors = new float[capacity];
            levelSums = new int[capacity];
        }
        for (int d = 0; d < dimension; d++) {
            centroid[d] = rows > 0 ? (float) (sum[d] / rows) : 0f;
        }
        for (int row = 0; row < rows; row++) {
            encode(matrix, row);
        }
        rowsAtCentring = rows;
        current = true;
    }

    private void encode(float[] matrix, int row) {
        int offset = row * dimension;
        double squares = 0;
        for (int d = 0; d < dimension; d++) {
            double r = matrix[offset + d] - centroid[d];
            squares += r * r;
        }
        int base = row * wordsPerRow;
        double step = STEP_PER_SPREAD * Math.sqrt(squares / dimension);
        // a zero residual (the row is the centroid) codes as the middle level and gets factor 0 below
        double perStep = step > 0 ? 1 / step : 0;
        double mid = (ROW_LEVELS - 1) / 2.0;
        double alignment = 0;
        int levelSum = 0;
        long bit0 = 0;
        long bit1 = 0;
        long bit2 = 0;
        for (int d = 0; d < dimension; d++) {
            double r = matrix[offset + d] - centroid[d];
            double position = r * perStep + ROW_LEVELS / 2; // floor(position) is the level, clamped below
            int level = position < 0 ? 0 : Math.min(ROW_LEVELS - 1, (int) position);
            long at = 1L << d; // shifts by d mod 64: the place in this word
            bit0 |= (level & 1) != 0 ? at : 0;
            bit1 |= (level & 2) != 0 ? at : 0;
            bit2 |= (level & 4) != 0 ? at : 0;
            alignment += (level - mid) * r;
            levelSum += level;
            if ((d & 63) == 63 || d == dimension - 1) {
                int word = base + (d >>> 6) * ROW_BITS;
                planes[word] = bit0;
                planes[word + 1] = bit1;
                planes[word + 2] = bit2;
                bit0 = 0;
                bit1 = 0;
                bit2 = 0;
            }
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
