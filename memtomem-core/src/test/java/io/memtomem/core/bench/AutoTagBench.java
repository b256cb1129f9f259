package io.memtomem.core.bench;

import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.tag.AutoTagRequest;
import io.memtomem.core.tag.AutoTagResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Keyword auto-tagging over a synthetic store: 3,000 files of three sections (~9,000 chunks of Zipf-distributed,
 * letters-only words, so every word is a tag candidate). Measures a dry run and a write over every chunk against
 * the plain index time, and a re-index of 10% of the files with auto-tagging of what it wrote. Not a test: it
 * prints numbers and the targets they are measured against.
 *
 * <p>Run like {@link CoreBench}, with {@code -Dexec.mainClass=io.memtomem.core.bench.AutoTagBench}.
 */
public final class AutoTagBench {
    private static final int FILES = 3_000;
    private static final int SECTIONS = 3;
    private static final int VOCABULARY = 20_000;

    private final Random random = new Random(11);

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("memtomem-autotag-bench");
        try {
            new AutoTagBench().run(work);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(Path work) throws IOException {
        Path notes = work.resolve("notes");
        for (int n = 0; n < FILES; n++) {
            writeNote(notes, n, 0);
        }
        try (Memtomem memtomem = TestStores.open(TestStores.withNotes(work))) {
            long started = System.nanoTime();
            IndexResult indexed = memtomem.index(new IndexRequest(notes, true, false, null), null);
            double indexSeconds = seconds(started);
            report("index %,d chunks: %.2f s", indexed.totalChunks(), indexSeconds);

            started = System.nanoTime();
            AutoTagResult dryRun = memtomem.autoTag(new AutoTagRequest(null, null, 3, true));
            double drySeconds = seconds(started);
            report("auto_tag dry run over %,d chunks: %.2f s, %,.0f chunks/s = %.2fx the index time (target <= 0.5x)",
                    dryRun.chunksScanned(), drySeconds, dryRun.chunksScanned() / drySeconds,
                    drySeconds / indexSeconds);

            started = System.nanoTime();
            AutoTagResult written = memtomem.autoTag(new AutoTagRequest(null, null, 3, false));
            double writeSeconds = seconds(started);
            report("auto_tag write: %,d tags on %,d chunks in %.2f s = %.2fx the index time (target <= 1x)",
                    written.tagsAdded(), written.chunksTagged(), writeSeconds, writeSeconds / indexSeconds);

            for (int n = 0; n < FILES / 10; n++) {
                writeNote(notes, n * 10, 1);
            }
            started = System.nanoTime();
            IndexResult changed = memtomem.index(new IndexRequest(notes, true, false, null), null);
            double reindexSeconds = seconds(started);
            started = System.nanoTime();
            AutoTagResult tagged = memtomem.autoTagChunks(changed.writtenChunkIds(), 3);
            report("re-index of %,d changed files: %.2f s (%,d written, %,d unchanged); auto-tagging what it wrote: "
                    + "%.2f s for %,d chunks (target <= the re-index time)", FILES / 10, reindexSeconds,
                    changed.indexed(), changed.unchanged(), seconds(started), tagged.chunksTagged());
        }
    }

    /** One note of three sections; {@code revision} changes every section's text. */
    private void writeNote(Path notes, int n, int revision) throws IOException {
        StringBuilder text = new StringBuilder("# Note ").append(n).append("\n\n");
        for (int s = 0; s < SECTIONS; s++) {
            text.append("## ").append(word()).append(' ').append(word()).append("\n\n");
            for (int w = 0; w < 120 + random.nextInt(60); w++) {
                text.append(word()).append(w % 15 == 14 ? ".\n" : " ");
            }
            text.append(revision == 0 ? "" : "revised").append("\n\n");
        }
        Path file = notes.resolve(String.format(Locale.ROOT, "d%02d/note-%05d.md", n / 100, n));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Zipf-like over a letters-only vocabulary: word i is spelled as i in base 26. */
    private String word() {
        int index = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, random.nextDouble())) - 1);
        StringBuilder word = new StringBuilder("w");
        for (int rest = index + 26 * 26; rest > 0; rest /= 26) {
            word.append((char) ('a' + rest % 26));
        }
        return word.toString();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
