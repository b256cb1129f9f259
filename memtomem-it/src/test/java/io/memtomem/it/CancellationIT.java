package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code notifications/cancelled} for a running {@code mem_index}, over stdio and over Streamable HTTP: the server
 * sends nothing more for that request (no progress, no reply), indexing stops at a file boundary, every file indexed
 * is indexed whole (its chunks are exactly a clean index's), every other file is untouched, and nothing is indexed
 * after the cancellation was taken.
 */
class CancellationIT {
    private static final int CORPUS_FILES = 2000;
    private static final Duration BOUND = Duration.ofMinutes(3);
    /** How long the index must stay unchanged to count as settled; also the silence watched after the cancellation. */
    private static final long QUIET_MILLIS = 2000;
    private static final String CHUNK_ROWS = "SELECT source_file || '|' || start_line || '|' || end_line || '|' || "
            + "namespace || '|' || content_hash FROM chunks ORDER BY 1";

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    private Path notes;
    private List<String> cleanRows;

    /** The corpus in the memory dir and the chunk rows a complete index of it gives, from a separate database. */
    private void corpusAndCleanIndex() {
        notes = sandbox.root().resolve("notes");
        Corpus.generate(notes, CORPUS_FILES, 16);
        sandbox.useMemoryDirs(notes);
        Path cleanDb = sandbox.root().resolve("clean").resolve("memtomem.db");
        sandbox.putEnv("MEMTOMEM_STORAGE__SQLITE_PATH", cleanDb.toString());
        RawMcpSession clean = RawMcpSession.start(sandbox);
        assertContains(RawMcpSession.text(clean.await(clean.callTool("mem_index", Map.of()), BOUND)),
                "Indexing complete");
        clean.closeStdin();
        clean.awaitExit(BOUND);
        try (StoreDb db = StoreDb.open(cleanDb)) {
            cleanRows = db.strings(CHUNK_ROWS);
        }
        sandbox.putEnv("MEMTOMEM_STORAGE__SQLITE_PATH", sandbox.dbPath().toString());
    }

    @Test
    void cancellingIndexOverStdioStopsItAtAFileBoundaryAndNothingMoreIsSentForIt() {
        corpusAndCleanIndex();
        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_stats", Map.of());
        long call = server.request("tools/call", RawMcpSession.JSON.createObjectNode().put("name", "mem_index")
                .<ObjectNode>set("_meta",
                        RawMcpSession.JSON.createObjectNode().put("progressToken", "index")));
        Await.until(BOUND, () -> "a first progress notification; stderr:\n" + server.stderr().text(),
                () -> server.received().stream().anyMatch(CancellationIT::isIndexProgress));
        server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + call
                + ",\"reason\":\"the user pressed stop\"}}");
        // stdin is read in order: the ping's reply is written after the cancellation was taken
        long ping = server.request("ping", RawMcpSession.JSON.createObjectNode());
        server.await(ping, BOUND);
        List<String> indexed = settledChunkRows();

        List<JsonNode> received = server.received();
        int pingAt = indexOfReply(received, ping);
        List<JsonNode> after = received.subList(pingAt + 1, received.size());
        assertTrue(after.stream().noneMatch(message -> isIndexProgress(message) || isReplyTo(message, call)),
                "sent for the cancelled call after the cancellation: " + after);
        assertTrue(server.response(call).isEmpty(), "a reply to the cancelled call: " + server.response(call));
        assertIndexedWholeOrUntouched(indexed);

        assertContains(server.callOk("mem_index", Map.of()), "Indexing complete");
        assertSameRows(cleanRows, chunkRows(), "a later index finishes what the cancelled one left");
        server.closeStdin();
        assertEquals(0, server.awaitExit(BOUND));
    }

    @Test
    void cancellingIndexOverHttpEndsItsStreamWithoutAReplyAndStopsIndexing() throws Exception {
        corpusAndCleanIndex();
        HttpServerProcess server = HttpServerProcess.start(sandbox);
        try {
            RawHttpSession session = RawHttpSession.open(server.url);
            RawHttpSession.Stream stats = session.stream("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"mem_stats\",\"arguments\":{}}}");
            stats.ended.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            RawHttpSession.Stream index = session.stream("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"mem_index\",\"arguments\":{},\"_meta\":{\"progressToken\":\"index\"}}}");
            Await.until(BOUND, () -> "a first progress event; stderr:\n" + server.stderr.text(),
                    () -> index.messages.stream().anyMatch(CancellationIT::isIndexProgress));
            assertEquals(202, session.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":2,\"reason\":\"the user pressed stop\"}}"));
            index.ended.get(BOUND.toSeconds(), TimeUnit.SECONDS); // the server ends the call's stream
            List<String> indexed = settledChunkRows();

            assertTrue(index.messages.stream().noneMatch(message -> isReplyTo(message, 2)),
                    "a reply to the cancelled call: " + index.messages);
            assertIndexedWholeOrUntouched(indexed);
            long filesDone = indexed.stream().map(CancellationIT::source).distinct().count();
            double lastProgress = index.messages.stream().filter(CancellationIT::isIndexProgress)
                    .mapToDouble(message -> message.path("params").path("progress").asDouble()).max().orElse(0);
            assertTrue(lastProgress <= filesDone, "progress " + lastProgress + " beyond the " + filesDone
                    + " files indexed");
        } finally {
            server.process.destroy();
            server.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Some files are indexed and not all (a run that went on after the cancellation would have indexed all of them
     * by the time the rows settle); each indexed file has exactly the chunks a clean index gives it.
     */
    private void assertIndexedWholeOrUntouched(List<String> rows) {
        Set<String> sources = rows.stream().map(CancellationIT::source).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(!sources.isEmpty() && sources.size() < CORPUS_FILES,
                "the cancelled run indexed " + sources.size() + " of " + CORPUS_FILES + " files");
        List<String> expected = cleanRows.stream().filter(row -> sources.contains(source(row))).toList();
        assertSameRows(expected, rows, "chunks of the files the cancelled run indexed vs a clean index");
    }

    /** The chunk rows once they stop changing: a batch being written when the cancellation came still commits. */
    private List<String> settledChunkRows() {
        List<String> before = chunkRows();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            Await.pause(QUIET_MILLIS);
            List<String> now = chunkRows();
            if (now.equals(before)) {
                return now;
            }
            assertTrue(System.nanoTime() < deadline, "the index kept changing for " + BOUND);
            before = now;
        }
    }

    private static void assertSameRows(List<String> expected, List<String> actual, String what) {
        if (!expected.equals(actual)) {
            List<String> missing = expected.stream().filter(row -> !actual.contains(row)).limit(3).toList();
            List<String> extra = actual.stream().filter(row -> !expected.contains(row)).limit(3).toList();
            throw new AssertionError(what + ": " + expected.size() + " rows expected, " + actual.size()
                    + " found; missing e.g. " + missing + ", unexpected e.g. " + extra);
        }
    }

    private List<String> chunkRows() {
        try (StoreDb db = StoreDb.open(sandbox.dbPath())) {
            return db.strings(CHUNK_ROWS);
        }
    }

    private static String source(String row) {
        return row.substring(0, row.indexOf('|'));
    }

    private static boolean isIndexProgress(JsonNode message) {
        return "notifications/progress".equals(message.path("method").asText())
                && "index".equals(message.path("params").path("progressToken").asText());
    }

    private static boolean isReplyTo(JsonNode message, long id) {
        return !message.has("method") && message.path("id").canConvertToLong() && message.path("id").asLong() == id;
    }

    private static int indexOfReply(List<JsonNode> received, long id) {
        for (int i = 0; i < received.size(); i++) {
            if (isReplyTo(received.get(i), id)) {
                return i;
            }
        }
        throw new AssertionError("no reply to " + id + " in " + received);
    }
}
