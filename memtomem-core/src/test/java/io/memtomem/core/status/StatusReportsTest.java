package io.memtomem.core.status;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.remote.HttpEndpoint;
import io.memtomem.locking.ServerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReportsTest {
    private static final String BODY = " words making a chunk big enough to stand on its own in status.".repeat(8);

    @TempDir
    Path home;

    private static ServerBlock running() {
        return ServerBlock.from(new ServerState(true, 4242L, Path.of("/run/memtomem/server.pid"),
                "2026-03-30T01:02:03+00:00", null, null, null));
    }

    @Test
    void aRunningServerShowsPidStartAndPidFile() {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            String text = StatusReports.renderText(StatusReports.collect(memtomem, running()));
            assertTrue(text.contains("running (pid 4242, started 2026-03-30T01:02:03+00:00)"), text);
            assertTrue(text.contains("/run/memtomem/server.pid"), text);
        }
    }

    @Test
    void aWatcherOverflowIsReportedWithTheRescanThatCaughtUp() throws Exception {
        Path notes = Files.createDirectories(home.resolve("notes"));
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.startWatcher();
            int files = 1_200;
            for (int i = 0; i < files; i++) {
                write(notes.resolve("n" + i + ".md"), "## Note " + i + "\n\nsynced " + i + "\n");
            }
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            // a busy machine may overflow the queue again while the first rescan runs: wait for every file
            while ((memtomem.watcherReport().orElseThrow().rescannedDirs().isEmpty()
                    || memtomem.stats().totalSources() < files) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String text = StatusReports.renderText(StatusReports.collect(memtomem, running()));
            assertTrue(Pattern.compile("- watcher_overflow: the file watcher got more changes than it queues [1-9]\\d* "
                    + "time\\(s\\)").matcher(text).find(), text);
            assertTrue(text.contains("it rescanned " + notes.toRealPath() + " ("), text);
            assertEquals(files, memtomem.stats().totalSources());
        }
    }

    @Test
    void aProbeErrorSaysCannotVerifyAndNeverRunningOrNotRunning() {
        ServerBlock unverified = ServerBlock.from(new ServerState(true, null, Path.of("/run/x.pid"), null,
                "OSError: EIO", null, null));
        assertFalse(unverified.running());
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            StatusReport report = StatusReports.collect(memtomem, unverified);
            String status = StatusReports.renderText(report).lines().filter(l -> l.startsWith("Status:"))
                    .findFirst().orElseThrow();
            assertEquals("Status:       cannot verify (OSError: EIO)", status);
            @SuppressWarnings("unchecked")
            Map<String, Object> server = (Map<String, Object>) report.toJson().get("server");
            assertEquals(false, server.get("running"));
            assertEquals("OSError: EIO", server.get("probe_error"));
        }
    }

    @Test
    void filesTheIndexerSkippedAreListedWithReasonAndFixUntilTheyAreIndexed() throws Exception {
        Path binary = write(home.resolve("notes/binary.md"), "## Notes\n\nbefore\0after\n");
        Path big = home.resolve("notes/big.md");
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(11L * 1024 * 1024);
        }
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);

            String text = StatusReports.renderText(StatusReports.collect(memtomem, running()));

            assertTrue(text.contains("unindexed_file"), text);
            assertTrue(text.contains(binary + ": skipped: binary file (NUL byte)"), text);
            assertTrue(text.contains("remove its NUL bytes"), text);
            assertTrue(text.contains(big + ": skipped: larger than 10 MB"), text);
            assertTrue(text.contains("split it into files under 10 MB"), text);

            write(binary, "## Notes\n\nbefore after\n");
            Files.delete(big);
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);

            assertEquals(List.of(), memtomem.unindexedFiles());
        }
    }

    @Test
    void projectMemoryDirsAreListedInTheJsonAndTheText() throws Exception {
        Path shared = Files.createDirectories(home.resolve("app/.memtomem/memories"));
        Path missing = home.resolve("app/.memtomem/memories.local");
        MemtomemConfig config = TestStores.notesBuilder(home).projectMemoryDirs(shared, missing)
                .build();
        StatusReport report = StatusReports.collect(config, ServerBlock.from(ServerState.absent()));
        assertEquals(List.of(Map.of("path", shared.toString(), "exists", true),
                Map.of("path", missing.toString(), "exists", false)), report.toJson().get("project_memory_dirs"));
        String text = StatusReports.renderText(report);
        assertTrue(text.contains("Project memory dirs\n-------------------\n  " + shared + "\n  " + missing
                + " (missing)\n"), text);
        assertEquals(List.of(), StatusReports.collect(TestStores.withNotes(home), ServerBlock.from(
                ServerState.absent())).toJson().get("project_memory_dirs"));
    }

    @Test
    void noServerAndAStalePidFileAreNotRunning() {
        assertEquals("not running", StatusReports.serverStatus(ServerBlock.from(ServerState.absent())));
        assertEquals("not running (stale pid file)", StatusReports.serverStatus(ServerBlock.from(
                new ServerState(false, 7L, Path.of("/run/x.pid"), null, null, null, null))));
    }

    @Test
    void reportCountsTheIndexAndWarnsAboutMissingDirsAndOrphans() throws Exception {
        Path file = write(home.resolve("notes/a.md"), "## A\n\na" + BODY + "\n");
        MemtomemConfig config = TestStores.builder(home)
                .memoryDirs(home.resolve("notes"), home.resolve("gone")).build();
        try (Memtomem memtomem = Memtomem.open(config)) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, "work"), null);
            Files.delete(file);
            StatusReport report = StatusReports.collect(memtomem, ServerBlock.notProbed());
            assertEquals(1, report.totalChunks());
            assertEquals(1, report.orphanedSources());
            assertEquals(Map.of("work", 1L), report.namespaces());
            assertEquals(List.of("memory_dir_missing", "orphaned_sources"),
                    report.warnings().stream().map(StatusWarning::kind).toList());
            StatusWarning callers = new StatusWarning("concurrent_server_writers", "another server", "keep one");
            assertEquals(List.of("concurrent_server_writers", "memory_dir_missing", "orphaned_sources"),
                    StatusReports.collect(memtomem, ServerBlock.notProbed(), List.of(callers)).warnings().stream()
                            .map(StatusWarning::kind).toList(), "the caller's warnings come first");
            String text = StatusReports.renderText(report);
            assertTrue(text.contains("Source files: 1 (1 orphaned)"), text);
            assertTrue(text.contains(home.resolve("gone") + " (missing)"), text);
            assertTrue(text.contains(home.resolve("notes") + " (write base)"), text);
        }
    }

    @Test
    void aRunningHttpServerIsShownWithItsUrlAndAStaleOneIsNot() {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            Path storeDir = memtomem.config().storeDir();
            new HttpEndpoint(ProcessHandle.current().pid(), "http://127.0.0.1:8765/mcp", false).write(storeDir);
            StatusReport report = StatusReports.collect(memtomem, running());
            assertTrue(StatusReports.renderText(report).contains("HTTP:         http://127.0.0.1:8765/mcp (pid "),
                    StatusReports.renderText(report));
            assertEquals(Map.of("transport", "http", "url", "http://127.0.0.1:8765/mcp", "pid",
                    ProcessHandle.current().pid(), "token_required", false), report.toJson().get("http"));
            new HttpEndpoint(Long.MAX_VALUE - 1, "http://127.0.0.1:9/mcp", false).write(storeDir);
            assertEquals(null, StatusReports.collect(memtomem, running()).toJson().get("http"), "a dead pid");
        }
    }

    @Test
    void jsonHasStableSnakeCaseKeys() {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            Map<String, Object> json = StatusReports.collect(memtomem, running()).toJson();
            assertEquals(List.of("version", "store", "search", "index", "memory_dirs", "project_memory_dirs",
                    "embedding", "server", "http", "warnings"), List.copyOf(json.keySet()));
            assertEquals(null, json.get("http"), "no HTTP server runs on this store");
            @SuppressWarnings("unchecked")
            Map<String, Object> server = (Map<String, Object>) json.get("server");
            assertEquals(List.of("running", "pid", "started", "pid_file", "probe_error", "serving_pids"),
                    List.copyOf(server.keySet()));
            assertEquals(true, server.get("running"));
            assertEquals(4242L, server.get("pid"));
            @SuppressWarnings("unchecked")
            Map<String, Object> index = (Map<String, Object>) json.get("index");
            assertTrue(index.keySet().containsAll(List.of("total_chunks", "total_sources", "orphaned_sources")));
        }
    }

    @Test
    void collectingFromConfigOnAnUnconfiguredMachineCreatesNothing() {
        MemtomemConfig config = TestStores.config(home);
        StatusReport report = StatusReports.collect(config, ServerBlock.from(ServerState.absent()));
        assertFalse(Files.exists(home.resolve(".memtomem")));
        assertFalse(report.dbExists());
        assertEquals(0, report.totalChunks());
        assertTrue(StatusReports.renderText(report).contains("(not created yet)"));
    }

    @Test
    void anEmbeddingMismatchIsAWarningWithTheFix() {
        Memtomem.open(TestStores.withNotes(home)).close();
        MemtomemConfig changed = TestStores.notesBuilder(home)
                .embedding("openai", "text-embedding-3-small", 1536).build();
        StatusReport report = StatusReports.collect(changed, ServerBlock.notProbed());
        StatusWarning warning = report.warnings().get(0);
        assertEquals("embedding_dim_mismatch", warning.kind());
        assertTrue(warning.fix().contains("mm embedding-reset"));
        assertTrue(report.embedding().mismatch());
    }

    /** #12: a registered server without the pid lock is reported, never "not running". */
    @Test
    void serversTheRegistryShowsAreNamedBesideThePidLockHolder() {
        ServerBlock two = new ServerBlock(true, 11L, null, Path.of("/tmp/memtomem-0/server-x.pid"), null,
                List.of(11L, 22L));
        assertEquals("2 servers (pids 11, 22); only pid 11 holds the pid lock, the others serve beside it",
                StatusReports.serving(two));
        ServerBlock unlocked = new ServerBlock(false, null, null, null, null, List.of(22L));
        assertEquals("running without the pid lock (pid 22)", StatusReports.serverStatus(unlocked));
    }
}
