package io.memtomem.core.bench;

import io.memtomem.core.SharedEval;
import io.memtomem.core.chunk.Chunkers;
import io.memtomem.core.chunk.ChunkingSettings;
import io.memtomem.core.redact.RedactionGate;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Cost of the secret-redaction gate per indexed file, on the eval corpus (real English and Korean notes), with
 * chunking the same files in the same run as a baseline. Target: at most 1% of CoreBench's indexing budget (10,000
 * files in 30 s, so 3 ms per file), i.e. 30 us per file. Times are this thread's CPU time, which a busy machine
 * distorts far less than wall time. Not a test: it prints numbers.
 *
 * <p>Run from the repository root (after {@code mvn -B -ntp -q install -DskipTests}):
 * <pre>
 * mvn -q -pl memtomem-core exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.memtomem.core.bench.RedactionBench -Dmemtomem.shared.dir=$PWD/../shared
 * </pre>
 */
public final class RedactionBench {
    private static final int ROUNDS = 300;
    /** 1% of 3 ms, CoreBench's per-file indexing budget. */
    private static final double TARGET_MICROS = 30;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private RedactionBench() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = SharedEval.locate().resolve("eval/corpus_v2");
        List<Path> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
                files.add(file);
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        RedactionGate gate = RedactionGate.standard();
        Chunkers chunkers = new Chunkers(ChunkingSettings.defaults(), Chunkers.DEFAULT_EXTENSIONS);

        double gateMicros = 0;
        double chunkMicros = 0;
        for (int pass = 0; pass < 3; pass++) { // the first pass warms up the JIT; the last one counts
            long started = CPU.getCurrentThreadCpuTime();
            int findings = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (String text : texts) {
                    findings += gate.scanFile(text).size();
                }
            }
            gateMicros = micros(started, texts.size());
            started = CPU.getCurrentThreadCpuTime();
            int chunks = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < texts.size(); i++) {
                    chunks += chunkers.chunk(files.get(i), texts.get(i)).size();
                }
            }
            chunkMicros = micros(started, texts.size());
            if (findings != 0 || chunks == 0) {
                throw new IllegalStateException("the corpus must chunk and must not hold secrets: " + findings);
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %d files, %d chars%n", texts.size(), chars);
        System.out.printf(Locale.ROOT, "redaction gate: %7.1f us CPU/file  %6.1f MB/s  (target <= %.0f us)%n",
                gateMicros, chars / (double) texts.size() / gateMicros, TARGET_MICROS);
        System.out.printf(Locale.ROOT, "chunking:       %7.1f us CPU/file  %6.1f MB/s  (baseline, same files)%n",
                chunkMicros, chars / (double) texts.size() / chunkMicros);
    }

    private static double micros(long startedNanos, int files) {
        return (CPU.getCurrentThreadCpuTime() - startedNanos) / 1e3 / ((double) ROUNDS * files);
    }
}
