package io.memtomem.core.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A separate process for {@link ConcurrentAppendTest}: warms up, reports ready, waits for a start file, then appends {@code count} entries
 * through {@link MemoryWriter} with a no-op indexer. Args: home, writer name, count, start file, clock instant.
 */
public final class AppendWorker {
    private AppendWorker() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        Path startFile = Path.of(args[3]);
        MemoryWriter writer = new MemoryWriter(WriterFixtures.config(home), WriterFixtures.NO_REINDEX,
                WriterFixtures.NO_INDEX, Clock.fixed(Instant.parse(args[4]), ZoneOffset.UTC));
        // warm up (class loading, config) on another file, so all writers really start appending together
        writer.add(new AddRequest("warm-up", null, null, null, "warm-up-" + name + ".md"));
        Files.createFile(readyFile(startFile, name));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(startFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no start signal within 30 s");
            }
            Thread.onSpinWait();
        }
        for (int i = 0; i < count; i++) {
            writer.add(ConcurrentAppendTest.entry(name, i));
        }
    }

    static Path readyFile(Path startFile, String name) {
        return startFile.resolveSibling("ready-" + name);
    }
}
