package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scenario 8: a server killed with SIGKILL at random moments of a large {@code mem_index} never corrupts the store,
 * and an ordinary re-index afterwards converges to exactly what a clean index of the same notes produces. The kill
 * moments come from a seeded Random; rerun a failure with {@code -Dmemtomem.it.seed=<seed>}.
 */
class CrashSafetyIT {
    private static final int CORPUS_FILES = 2000;
    private static final int KILLS = 10;
    private static final Duration EXIT_BOUND = Duration.ofSeconds(30);
    private static final Duration INDEX_BOUND = Duration.ofMinutes(3);
    /** One row per chunk, with everything that defines it except its random id and timestamps. */
    private static final String CHUNK_SET = "SELECT source_file || '|' || start_line || '|' || end_line || '|' || "
            + "namespace || '|' || content_hash FROM chunks ORDER BY 1";

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void killsDuringIndexingNeverCorruptTheStoreAndReindexConverges() {
        Platform.assumePosix("SIGKILL at a chosen moment");
        long seed = Long.getLong("memtomem.it.seed", System.nanoTime());
        System.err.println("[it] crash-safety seed=" + seed + " (rerun with -Dmemtomem.it.seed=" + seed + ")");
        Random random = new Random(seed);

        Path notes = sandbox.root().resolve("notes");
        Corpus.generate(notes, CORPUS_FILES, seed);
        Map<Path, String> markdown = MarkdownFiles.contents(notes);
        sandbox.useMemoryDirs(notes);

        Path cleanDb = sandbox.root().resolve("clean").resolve("memtomem.db");
        sandbox.putEnv("MEMTOMEM_STORAGE__SQLITE_PATH", cleanDb.toString());
        long cleanIndexMillis = indexToCompletion(notes);
        List<String> cleanChunks = chunkSet(cleanDb);
        System.err.println("[it] crash-safety: clean index of " + CORPUS_FILES + " files, " + cleanChunks.size()
                + " chunks, took " + cleanIndexMillis + " ms");

        sandbox.putEnv("MEMTOMEM_STORAGE__SQLITE_PATH", sandbox.dbPath().toString());
        for (int kill = 1; kill <= KILLS; kill++) {
            RawMcpSession server = RawMcpSession.start(sandbox);
            server.callOk("mem_stats", Map.of()); // the restart opens the store left by the previous kill
            assertIntact(sandbox.dbPath(), "after restart " + kill + " (seed " + seed + ")");
            server.callTool("mem_index", Map.of("path", notes.toString(), "force", true));
            // not synchronisation: the randomly chosen moment, within the indexing run, to pull the plug
            Await.pause(random.nextInt((int) Math.max(1, cleanIndexMillis)));
            server.process().toHandle().destroyForcibly();
            server.awaitExit(EXIT_BOUND);
        }

        indexToCompletion(notes);
        assertIntact(sandbox.dbPath(), "after the final index (seed " + seed + ")");
        assertEquals(cleanChunks, chunkSet(sandbox.dbPath()),
                "chunks after crashes vs a clean index (seed " + seed + ")");
        assertEquals(markdown, MarkdownFiles.contents(notes), "indexing changed the markdown");
    }

    /** Runs one server through a complete, non-forced index and a clean EOF exit; returns the index call's time. */
    private long indexToCompletion(Path notes) {
        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_stats", Map.of());
        long started = System.nanoTime();
        String reply = RawMcpSession.text(server.await(server.callTool("mem_index", Map.of("path", notes.toString())),
                INDEX_BOUND));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertContains(reply, "Indexing complete");
        server.closeStdin();
        assertEquals(0, server.awaitExit(EXIT_BOUND), () -> server.stderr().text());
        return millis;
    }

    private static void assertIntact(Path db, String when) {
        try (StoreDb store = StoreDb.open(db)) {
            assertEquals("ok", store.integrityCheck(), "integrity " + when);
            assertEquals(store.count("SELECT count(*) FROM chunks"), store.count("SELECT count(*) FROM chunks_fts"),
                    "chunks vs full-text rows " + when);
        }
    }

    private static List<String> chunkSet(Path db) {
        try (StoreDb store = StoreDb.open(db)) {
            return store.strings(CHUNK_SET);
        }
    }
}
