package io.memtomem.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.memtomem.it.TextAssertions.assertContains;
import static io.memtomem.it.TextAssertions.assertNotContains;
import static io.memtomem.it.TextAssertions.occurrences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18.1: the Python memtomem and ours share memory files, each writer holding the file's sidecar lock. Ours must take
 * it with the reference's primitive ({@code flock}, not a JVM record lock the Python side never sees), or the two
 * overwrite each other's entries.
 */
class PythonSidecarInteropIT {
    private static final Duration HELD_FOR = Duration.ofSeconds(3);
    private static final int ROUNDS = 40;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    private Path shared;

    @BeforeEach
    void sharedFile() throws IOException {
        PythonWriter.assumeAvailable();
        sandbox.configure();
        Files.createDirectories(sandbox.memoriesDir());
        shared = sandbox.memoriesDir().resolve("shared.md");
    }

    private Path sidecar() {
        return shared.resolveSibling("." + shared.getFileName() + ".lock");
    }

    @Test
    void pythonSidecarHolderDelaysMmAddUntilItReleases() throws Exception {
        Process holder = PythonWriter.holdSidecar(sandbox, sidecar());
        Process add = sandbox.processes().start(sandbox.processBuilder(
                Launchers.mm("add", "--file", "shared.md", "gammamarker added while python held the lock")));
        add.getOutputStream().close();
        LineBuffer addErr = LineBuffer.drain(add.getErrorStream(), "mm-add-err");
        LineBuffer.drain(add.getInputStream(), "mm-add-out");

        assertFalse(add.waitFor(HELD_FOR.toMillis(), TimeUnit.MILLISECONDS), "mm add finished while the sidecar was held");
        assertFalse(Files.exists(shared) && Files.readString(shared).contains("gammamarker"),
                "mm add wrote while the python holder had the sidecar");

        holder.getOutputStream().close();
        assertTrue(add.waitFor(PythonWriter.BOUND.toMillis(), TimeUnit.MILLISECONDS), "mm add never finished");
        assertEquals(0, add.exitValue(), addErr::text);
        assertEquals(1, occurrences(Files.readString(shared), "gammamarker"));
    }

    @Test
    void pythonSidecarHolderDelaysMemAddUntilItReleases() throws Exception {
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            server.callOk("mem_stats", Map.of());
            Process holder = PythonWriter.holdSidecar(sandbox, sidecar());
            CompletableFuture<String> add = CompletableFuture.supplyAsync(() -> server.callOk("mem_add",
                    Map.of("content", "deltamarker added while python held the lock", "file", "shared.md")));

            Thread.sleep(HELD_FOR.toMillis());
            assertFalse(add.isDone(), "mem_add answered while the sidecar was held");
            assertFalse(Files.exists(shared) && Files.readString(shared).contains("deltamarker"),
                    "mem_add wrote while the python holder had the sidecar");

            holder.getOutputStream().close();
            assertContains(add.get(PythonWriter.BOUND.toSeconds(), TimeUnit.SECONDS), "Memory added");
            assertEquals(1, occurrences(Files.readString(shared), "deltamarker"));
        }
    }

    /** The reference's editor rewrites the file (read, temp file, os.replace) while we append: no entry is lost. */
    @Test
    void pythonRewritesRacingOurAppendsLoseNoEntry() throws Exception {
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            server.callOk("mem_add", Map.of("content", "first entry", "title", "start", "file", "shared.md"));
            PythonWriter.Racer python = PythonWriter.race(sandbox, shared, sidecar(), "rewrite", ROUNDS, "pyrewrite");
            for (int i = 0; i < ROUNDS; i++) {
                server.callOk("mem_add", Map.of("content", "javaappend body " + i, "title", "javaappend-" + i,
                        "file", "shared.md"));
            }
            python.awaitDone();

            String markdown = Files.readString(shared);
            assertEveryEntryOnce(markdown, "javaappend-", "pyrewrite-");
        }
    }

    /** The reverse: the reference appends while we rewrite the file on every edit. */
    @Test
    void pythonAppendsRacingOurEditsLoseNoEntry() throws Exception {
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            server.callOk("mem_add", Map.of("content", "anchorbody version 0", "title", "anchor", "file",
                    "shared.md"));
            String chunkId = onlyChunkId(server, "anchorbody");
            PythonWriter.Racer python = PythonWriter.race(sandbox, shared, sidecar(), "append", ROUNDS, "pyappend");
            int edits = 0;
            while (!python.done() || edits < ROUNDS / 2) {
                edits++;
                String edited = server.callOk("mem_do", Map.of("action", "edit", "params",
                        Map.of("chunk_id", chunkId, "content", "anchorbody version " + edits)));
                chunkId = newChunkId(edited, server);
                if (!python.process().isAlive() && !python.done()) {
                    break;
                }
            }
            python.awaitDone();

            String markdown = Files.readString(shared);
            assertEveryEntryOnce(markdown, "pyappend-");
            assertContains(markdown, "anchorbody version " + edits);
            assertNotContains(markdown, "anchorbody version " + (edits - 1) + "\n");
        }
    }

    private static void assertEveryEntryOnce(String markdown, String... prefixes) {
        List<String> wrong = new ArrayList<>();
        for (String prefix : prefixes) {
            for (int i = 0; i < ROUNDS; i++) {
                int found = occurrences(markdown, "## " + prefix + i + "\n");
                if (found != 1) {
                    wrong.add(prefix + i + " x" + found);
                }
            }
        }
        assertEquals(List.of(), wrong, "entries lost or doubled; file:\n" + markdown);
    }

    private static String onlyChunkId(McpServerConnection server, String query) throws JsonProcessingException {
        String json = server.callOk("mem_search", Map.of("query", query, "output_format", "structured"));
        List<String> ids = RawMcpSession.JSON.readTree(json).path("results").findValuesAsText("chunk_id");
        assertEquals(1, ids.size(), json);
        return ids.get(0);
    }

    private static final Pattern NEW_CHUNK = Pattern.compile("New chunk: (\\S+)");

    private static String newChunkId(String edited, McpServerConnection server) throws JsonProcessingException {
        Matcher matcher = NEW_CHUNK.matcher(edited);
        return matcher.find() ? matcher.group(1) : onlyChunkId(server, "anchorbody");
    }
}
