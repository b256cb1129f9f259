package io.memtomem.core.bench;

import io.memtomem.core.Memtomem;
import io.memtomem.core.chunk.Chunk;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.search.hybrid.DenseHit;
import io.memtomem.core.search.hybrid.DenseIndex;
import io.memtomem.core.search.hybrid.VectorCodec;
import io.memtomem.core.store.ChunkWriter;
import io.memtomem.core.store.SourceStamp;
import io.memtomem.core.store.Database;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Search latency at scale: a store of {@code rows} synthetic chunks (30 words from a 5,000-word vocabulary) with
 * random 384-d unit vectors, searched through the facade with the real ONNX query embedding. Prints p50/p95 for
 * BM25, dense and hybrid, the load average, the bare dense scan exact beside pooled with the index's heap and, in
 * the same run, System.arraycopy bandwidth.
 */
public final class HybridBench {

    private static final int DIM = 384;
    private static final int QUERIES = 200;
    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path home = Files.createTempDirectory("mm-hybrid-bench");
        Path memories = Files.createDirectories(home.resolve("memories"));
        BenchStores.onnx(home, memories).close(); // records the onnx identity in the new store
        Random random = new Random(7);
        float[][] vectors = fill(home.resolve(".memtomem/memtomem.db"), rows, random);
        System.out.printf("load average %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        try (Memtomem memtomem = BenchStores.onnx(home, memories)) {
            String[] queries = new String[QUERIES];
            for (int i = 0; i < QUERIES; i++) {
                queries[i] = word(random) + " " + word(random) + " " + word(random);
            }
            for (double[] weights : List.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1})) {
                long[] nanos = new long[QUERIES];
                for (int i = 0; i < QUERIES; i++) {
                    long start = System.nanoTime();
                    memtomem.search(SearchRequest.of(queries[i]).withWeights(weights[0], weights[1]));
                    nanos[i] = System.nanoTime() - start;
                }
                String leg = weights[1] == 0 ? "bm25" : weights[0] == 0 ? "dense" : "hybrid";
                System.out.printf("%-6s %,d chunks: p50 %.1f ms  p95 %.1f ms (query embedding included)%n", leg, rows,
                        percentile(nanos, 50), percentile(nanos, 95));
            }
        }
        denseScan(vectors);
        copyBandwidth();
        System.out.printf("load average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static float[][] fill(Path db, int rows, Random random) {
        float[][] vectors = new float[rows][];
        try (Database database = Database.open(db)) {
            for (int from = 0; from < rows; from += BATCH) {
                int start = from;
                database.write("bench fill", session -> {
                    PreparedStatement vector = session.prepare(
                            "INSERT INTO chunk_vectors(chunk_rowid, vector) VALUES (?, ?)");
                    for (int i = start; i < Math.min(rows, start + BATCH); i++) {
                        StringBuilder text = new StringBuilder();
                        for (int w = 0; w < 30; w++) {
                            text.append(word(random)).append(' ');
                        }
                        Chunk chunk = new Chunk(text.toString().trim(), List.of("# Bench", "## Part " + i),
                                "markdown_section", i + 1, i + 1, List.of());
                        ChunkWriter.insert(session, UUID.randomUUID().toString(), chunk, chunk.contentHash(),
                                "default", SourceStamp.USER, "/bench/file" + (i / 4) + ".md",
                                "2026-01-01T00:00:00.000000+00:00");
                        vectors[i] = randomVector(random);
                        vector.setLong(1, i + 1);
                        vector.setBytes(2, VectorCodec.encode(vectors[i]));
                        vector.executeUpdate();
                    }
                    return null;
                });
            }
        }
        return vectors;
    }

    /**
     * The bare dense scan, exact (every row's dot product, the scan before the 2-bit codes) and pooled (what
     * {@link DenseIndex#search} does at this size), alternating on the same queries so both see the same machine; the
     * heap the index takes, and whether the pooled results equal the exact ones.
     */
    private static void denseScan(float[][] vectors) {
        long before = usedHeap();
        DenseIndex index = new DenseIndex(DIM);
        for (int i = 0; i < vectors.length; i++) {
            index.upsert(i + 1, vectors[i]);
        }
        Random random = new Random(11);
        index.search(randomVector(random), 50, null); // exact: a one-shot search does not pay for the row codes
        long second = System.nanoTime();
        index.search(randomVector(random), 50, null); // builds them
        long codes = System.nanoTime() - second;
        long after = usedHeap();
        double matrixBytes = (double) vectors.length * DIM * Float.BYTES;
        System.out.printf("dense index heap: %.0f MB for %,d rows, row codes included (the float32 rows alone: %.0f MB);"
                + " the second search built the codes in %.0f ms%n", (after - before) / 1e6, vectors.length,
                matrixBytes / 1e6, codes / 1e6);
        long[] exactNanos = new long[QUERIES];
        long[] pooledNanos = new long[QUERIES];
        int identical = 0;
        for (int i = 0; i < QUERIES; i++) {
            float[] query = randomVector(random);
            long start = System.nanoTime();
            List<DenseHit> exact = index.searchExactly(query, 50, null);
            long middle = System.nanoTime();
            List<DenseHit> pooled = index.search(query, 50, null);
            pooledNanos[i] = System.nanoTime() - middle;
            exactNanos[i] = middle - start;
            identical += exact.equals(pooled) ? 1 : 0;
        }
        double exact = percentile(exactNanos, 50);
        System.out.printf("dense scan alone, top 50: exact p50 %.1f ms (%.0f MB = %.1f GB/s), pooled p50 %.1f ms"
                + " (%.1fx); pooled = exact on %d/%d queries%n", exact, matrixBytes / 1e6,
                matrixBytes / (exact / 1e3) / 1e9, percentile(pooledNanos, 50), exact / percentile(pooledNanos, 50),
                identical, QUERIES);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Memory bandwidth reference: read + write of a 256 MB array, best of 5. */
    private static void copyBandwidth() {
        float[] source = new float[64 << 20];
        float[] target = new float[source.length];
        Arrays.fill(source, 1f);
        double best = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            System.arraycopy(source, 0, target, 0, source.length);
            long elapsed = System.nanoTime() - start;
            best = Math.max(best, 2.0 * source.length * Float.BYTES / elapsed);
        }
        System.out.printf("System.arraycopy 256 MB: %.1f GB/s (read + write), i.e. %.1f GB/s read%n", best, best / 2);
    }

    private static String word(Random random) {
        return "w" + Integer.toString(random.nextInt(5_000), 36);
    }

    private static float[] randomVector(Random random) {
        float[] vector = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
