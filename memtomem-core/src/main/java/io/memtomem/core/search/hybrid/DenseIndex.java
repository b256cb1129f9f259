package io.memtomem.core.search.hybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Cosine search over every stored vector (memory-core §5.3 option b). A chunk has one vector per embedded window (one
 * for most chunks, several for a long one) and scores as its best window. Window rows are unit-normalised on the way
 * in and packed into one contiguous {@code float[]}; removal moves the last rows into the holes to keep both levels
 * dense. Safe for concurrent readers with one writer at a time.
 *
 * <p>A small index is scanned exactly. A large one would cost a dot product per row (at 100,000 × 384, 24 ms on one
 * core, reading 154 MB), so it is searched in passes: every row's {@link RowCodes 3-bit code} (a tenth of the bytes)
 * estimates its cosine; the {@link #poolSize pool} of chunks with the best estimates is re-scored exactly, all windows
 * of each, which sets a k-th exact score to beat; then every other chunk whose estimate is within
 * {@value #MARGIN_SIGMAS} typical errors of that score is re-scored too (the typical error measured on this query).
 * Scores and order come from the exact dot products, so the result is the exact scan's unless an estimate was off by
 * more than four times its usual error: at 100,000 random rows (the hardest case) about 1% of the rows are re-scored,
 * and no test or benchmark has seen a difference.
 */
public final class DenseIndex {

    private static final int INITIAL_ROWS = 1024;
    /** The first re-scored pool: at least this many chunks, and {@link #POOL_PER_K} per result. */
    private static final int MIN_POOL = 256;
    private static final int POOL_PER_K = 10;
    /** Below this many times the pool, the exact scan costs about what the estimates save. */
    private static final int EXACT_BELOW_POOLS = 8;
    /** A chunk outside the pool is re-scored when its estimate is within this many typical errors of the k-th. */
    private static final float MARGIN_SIGMAS = 4;
    /** Rows whose estimates are checked against their exact score, for the typical error. */
    private static final int ERROR_SAMPLE = 256;

    private final int dimension;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Window rows: vectors, and the chunk (index into {@link #chunkRowids}) each belongs to. */
    private float[] matrix;
    private int[] chunkOfWindow;
    private int windows;
    private final RowCodes codes;
    private final AtomicBoolean missingCodesSeen = new AtomicBoolean();
    /** Chunks: rowid, their window rows, and where each rowid sits. */
    private long[] chunkRowids;
    private int[][] windowsOfChunk;
    private int chunks;
    private final Map<Long, Integer> chunkOfRowid = new HashMap<>();

    public DenseIndex(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        this.dimension = dimension;
        this.matrix = new float[INITIAL_ROWS * dimension];
        this.chunkOfWindow = new int[INITIAL_ROWS];
        this.chunkRowids = new long[INITIAL_ROWS];
        this.windowsOfChunk = new int[INITIAL_ROWS][];
        this.codes = new RowCodes(dimension);
    }

    public int dimension() {
        return dimension;
    }

    /** Chunks held (not windows). */
    public int size() {
        return reading(() -> chunks);
    }

    public boolean contains(long rowid) {
        return reading(() -> chunkOfRowid.containsKey(rowid));
    }

    /**
     * Adds or replaces the vectors of {@code rowid}: one window per {@code dimension} floats, concatenated (the
     * stored layout, see {@link VectorCodec}).
     */
    public void upsert(long rowid, float[] windowVectors) {
        if (!fits(windowVectors)) {
            throw new IllegalArgumentException("vector has dimension " + windowVectors.length + ", index has "
                    + dimension + (windowVectors.length > dimension ? " (or a multiple of it, one per window)" : "")
                    + ", and every value must be a finite number");
        }
        int count = windowVectors.length / dimension;
        lock.writeLock().lock();
        try {
            removeLocked(rowid);
            ensureCapacity(windows + count, chunks + 1);
            int chunk = chunks++;
            chunkRowids[chunk] = rowid;
            chunkOfRowid.put(rowid, chunk);
            int[] rows = new int[count];
            for (int w = 0; w < count; w++) {
                int row = windows++;
                rows[w] = row;
                chunkOfWindow[row] = chunk;
                unitInto(windowVectors, w * dimension, matrix, row * dimension, dimension);
                codes.add(matrix, row);
            }
            windowsOfChunk[chunk] = rows;
            codes.noteGrowth(windows);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * True when {@link #upsert} takes these vectors: whole windows of this dimension, all finite. A NaN would not
     * only hide its own chunk but shift the centroid every row code is taken against.
     */
    public boolean fits(float[] windowVectors) {
        if (windowVectors.length == 0 || windowVectors.length % dimension != 0) {
            return false;
        }
        for (float value : windowVectors) {
            if (!Float.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    public void remove(long rowid) {
        lock.writeLock().lock();
        try {
            removeLocked(rowid);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeLocked(long rowid) {
        Integer chunk = chunkOfRowid.remove(rowid);
        if (chunk == null) {
            return;
        }
        int[] rows = windowsOfChunk[chunk].clone();
        Arrays.sort(rows);
        // highest rows first, so the last row moved into a hole is never one of this chunk's own
        for (int i = rows.length - 1; i >= 0; i--) {
            codes.forget(matrix, rows[i]);
            moveLastWindowInto(rows[i]);
        }
        int last = --chunks;
        if (chunk != last) {
            chunkRowids[chunk] = chunkRowids[last];
            windowsOfChunk[chunk] = windowsOfChunk[last];
            chunkOfRowid.put(chunkRowids[chunk], chunk);
            for (int row : windowsOfChunk[chunk]) {
                chunkOfWindow[row] = chunk;
            }
        }
        windowsOfChunk[last] = null;
    }

    private void moveLastWindowInto(int hole) {
        int last = --windows;
        if (hole == last) {
            return;
        }
        System.arraycopy(matrix, last * dimension, matrix, hole * dimension, dimension);
        codes.move(last, hole);
        int owner = chunkOfWindow[last];
        chunkOfWindow[hole] = owner;
        int[] rows = windowsOfChunk[owner];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == last) {
                rows[i] = hole;
            }
        }
    }

    public void clear() {
        lock.writeLock().lock();
        try {
            chunkOfRowid.clear();
            Arrays.fill(windowsOfChunk, 0, chunks, null);
            chunks = 0;
            windows = 0;
            codes.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The {@code k} chunks most similar to {@code query} (by their best window) among those {@code filter} accepts,
     * best first.
     *
     * @param filter decides by rowid; {@code null} accepts every row
     */
    public List<DenseHit> search(float[] query, int k, LongPredicate filter) {
        float[] unitQuery = unitQuery(query);
        // the second search to find the codes missing builds them: a one-shot process (mm search) would pay more for
        // coding every row than the exact scan costs
        if (reading(() -> poolSize(k, chunks) < chunks && !codes.current())
                && !missingCodesSeen.compareAndSet(false, true)) {
            buildCodes();
        }
        return reading(() -> {
            int pool = poolSize(k, chunks);
            // a writer may have outdated the codes since: this search is exact, the next one rebuilds them
            return pool < chunks && codes.current() ? pooledScan(unitQuery, k, pool, filter)
                    : exactScan(unitQuery, k, filter);
        });
    }

    /** {@link #search} by a dot product with every row, whatever the size: the reference the pooled scan must match. */
    public List<DenseHit> searchExactly(float[] query, int k, LongPredicate filter) {
        float[] unitQuery = unitQuery(query);
        return reading(() -> exactScan(unitQuery, k, filter));
    }

    /**
     * {@link #search} through a pool of the given size, whatever the index size ({@link #search} picks the pool):
     * lets a benchmark check the estimates on real vectors, where stores are small.
     */
    public List<DenseHit> searchPooled(float[] query, int k, int pool, LongPredicate filter) {
        if (pool < k) {
            throw new IllegalArgumentException("pool " + pool + " is smaller than k " + k);
        }
        float[] unitQuery = unitQuery(query);
        buildCodes();
        return reading(() -> codes.current() ? pooledScan(unitQuery, k, pool, filter) : exactScan(unitQuery, k, filter));
    }

    private void buildCodes() {
        lock.writeLock().lock();
        try {
            if (!codes.current()) {
                codes.rebuild(matrix, windows, chunkOfWindow.length);
                missingCodesSeen.set(false);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T reading(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many chunks the pooled scan re-scores exactly; the whole index when that is not much smaller. */
    static int poolSize(int k, int chunks) {
        long pool = Math.max(MIN_POOL, (long) POOL_PER_K * k);
        return pool * EXACT_BELOW_POOLS > chunks ? chunks : (int) pool;
    }

    private float[] unitQuery(float[] query) {
        requireDimension(query, "query");
        float[] unitQuery = new float[dimension];
        unitInto(query, 0, unitQuery, 0, dimension);
        return unitQuery;
    }

    private List<DenseHit> exactScan(float[] unitQuery, int k, LongPredicate filter) {
        float[] best = new float[chunks];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int row = 0; row < windows; row++) {
            int chunk = chunkOfWindow[row];
            if (filter == null || filter.test(chunkRowids[chunk])) {
                float score = dot(unitQuery, matrix, row * dimension);
                if (score > best[chunk]) {
                    best[chunk] = score;
                }
            }
        }
        return toHits(best(best, k));
    }

    private List<DenseHit> pooledScan(float[] unitQuery, int k, int pool, LongPredicate filter) {
        RowCodes.Query estimator = codes.query(unitQuery);
        float[] estimate = new float[chunks];
        Arrays.fill(estimate, Float.NEGATIVE_INFINITY);
        for (int row = 0; row < windows; row++) {
            int chunk = chunkOfWindow[row];
            if (filter == null || filter.test(chunkRowids[chunk])) {
                float score = codes.estimate(estimator, row);
                if (score > estimate[chunk]) {
                    estimate[chunk] = score;
                }
            }
        }
        // the best estimates, re-scored, give a k-th exact score to beat
        TopK candidates = best(estimate, pool);
        int[] pooled = new int[candidates.size()];
        candidates.drainBestFirst(pooled, new float[pooled.length]);
        Arrays.sort(pooled); // rows in memory order, for the prefetcher
        TopK top = new TopK(Math.max(1, Math.min(k, chunks)));
        for (int chunk : pooled) {
            top.offer(chunk, exactBest(unitQuery, chunk));
            estimate[chunk] = Float.NEGATIVE_INFINITY; // re-scored
        }
        // Any other chunk can beat it only if its estimate erred upwards of the gap; errors sum hundreds of
        // per-dimension rounding errors, so they are near normal, and one beyond MARGIN_SIGMAS of their spread is rare.
        float reach = top.threshold() - MARGIN_SIGMAS * estimationError(estimator, unitQuery);
        for (int chunk = 0; chunk < chunks; chunk++) {
            if (estimate[chunk] != Float.NEGATIVE_INFINITY && estimate[chunk] >= reach) {
                top.offer(chunk, exactBest(unitQuery, chunk));
            }
        }
        return toHits(top);
    }

    /** The estimates' typical error for this query: the root mean square of (exact - estimate) over spread rows. */
    private float estimationError(RowCodes.Query estimator, float[] unitQuery) {
        int stride = Math.max(1, windows / ERROR_SAMPLE);
        double squares = 0;
        int sampled = 0;
        for (int row = 0; row < windows; row += stride) {
            double error = dot(unitQuery, matrix, row * dimension) - codes.estimate(estimator, row);
            squares += error * error;
            sampled++;
        }
        return (float) Math.sqrt(squares / Math.max(1, sampled));
    }

    /** A chunk's exact score: its best window's cosine. */
    private float exactBest(float[] unitQuery, int chunk) {
        float best = Float.NEGATIVE_INFINITY;
        for (int row : windowsOfChunk[chunk]) {
            float score = dot(unitQuery, matrix, row * dimension);
            if (score > best) {
                best = score;
            }
        }
        return best;
    }

    /** The {@code k} best chunks of a per-chunk score array; chunks left at negative infinity were filtered out. */
    private TopK best(float[] scores, int k) {
        TopK top = new TopK(Math.max(1, Math.min(k, chunks)));
        for (int chunk = 0; chunk < chunks; chunk++) {
            if (scores[chunk] != Float.NEGATIVE_INFINITY && scores[chunk] >= top.threshold()) {
                top.offer(chunk, scores[chunk]);
            }
        }
        return top;
    }

    private List<DenseHit> toHits(TopK best) {
        int[] slots = new int[best.size()];
        float[] scores = new float[best.size()];
        int count = best.drainBestFirst(slots, scores);
        List<DenseHit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hits.add(new DenseHit(chunkRowids[slots[i]], scores[i]));
        }
        return hits;
    }

    /**
     * Eight independent accumulators break the floating-point add dependency chain so the JIT can keep several
     * multiply-adds in flight; a single accumulator runs at roughly a third of the speed.
     */
    static float dot(float[] query, float[] matrix, int offset) {
        int n = query.length;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += query[i] * matrix[offset + i];
            s1 += query[i + 1] * matrix[offset + i + 1];
            s2 += query[i + 2] * matrix[offset + i + 2];
            s3 += query[i + 3] * matrix[offset + i + 3];
            s4 += query[i + 4] * matrix[offset + i + 4];
            s5 += query[i + 5] * matrix[offset + i + 5];
            s6 += query[i + 6] * matrix[offset + i + 6];
            s7 += query[i + 7] * matrix[offset + i + 7];
        }
        for (; i < n; i++) {
            s0 += query[i] * matrix[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Writes a unit-length copy of {@code length} floats; the zero vector stays zero and so scores 0. */
    static void unitInto(float[] source, int from, float[] target, int to, int length) {
        double sumOfSquares = 0;
        for (int i = 0; i < length; i++) {
            sumOfSquares += (double) source[from + i] * source[from + i];
        }
        float scale = sumOfSquares > 0 ? (float) (1.0 / Math.sqrt(sumOfSquares)) : 0f;
        for (int i = 0; i < length; i++) {
            target[to + i] = source[from + i] * scale;
        }
    }

    private void requireDimension(float[] vector, String what) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + " has dimension " + vector.length + ", index has " + dimension);
        }
    }

    private void ensureCapacity(int windowRows, int chunkRows) {
        if (windowRows > chunkOfWindow.length) {
            // a quarter more, not double: the matrix is most of the heap, and unused rows would cost up to half of it
            int grown = Math.max(windowRows, chunkOfWindow.length + chunkOfWindow.length / 4);
            matrix = Arrays.copyOf(matrix, Math.multiplyExact(grown, dimension));
            chunkOfWindow = Arrays.copyOf(chunkOfWindow, grown);
            codes.ensureCapacity(grown);
        }
        if (chunkRows > chunkRowids.length) {
            int grown = Math.max(chunkRows, chunkRowids.length * 2);
            chunkRowids = Arrays.copyOf(chunkRowids, grown);
            windowsOfChunk = Arrays.copyOf(windowsOfChunk, grown);
        }
    }
}
