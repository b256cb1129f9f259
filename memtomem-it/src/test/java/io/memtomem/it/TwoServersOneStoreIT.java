package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.memtomem.it.TextAssertions.assertContains;
import static io.memtomem.it.TextAssertions.assertNotContains;
import static io.memtomem.it.TextAssertions.occurrences;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 2 (locking.md §9 items 3–5): a second server on a held store warns (on stderr and in its mem_status),
 * serves, never touches the holder's pid file, and both write safely into the one store. The first talks through the MCP SDK, the second over a raw
 * pipe so that it can leave by stdin EOF, the exit every OS has.
 */
class TwoServersOneStoreIT {
    private static final Duration START_BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void secondServerServesBesideTheFirstAndLeavesItsPidFileAlone() {
        sandbox.configure();
        try (McpServerConnection first = McpServerConnection.start(sandbox)) {
            first.callOk("mem_stats", Map.of());
            Await.until(START_BOUND, "the first server's pid file", () -> Files.isRegularFile(sandbox.pidFile()));
            byte[] firstPayload = Platform.WINDOWS ? null : PidFiles.bytes(sandbox.pidFile());

            RawMcpSession second = RawMcpSession.start(sandbox);
            Await.until(START_BOUND, "the contention warning on the second server's stderr",
                    () -> second.stderr().text().contains("Another memtomem-server is already"));

            // only the server without the lock reports the other one (memory-core §7.3 warning kinds)
            String warning = "- concurrent_server_writers: another memtomem server (pid "
                    + (Platform.WINDOWS ? "" : first.process().pid() + ") holds this store's pid lock");
            assertContains(second.callOk("mem_status", Map.of()), warning, "  fix: keep one server per store");
            assertContains(second.callOk("mem_status", Map.of("format", "json")),
                    "\"kind\":\"concurrent_server_writers\"");
            assertNotContains(first.callOk("mem_status", Map.of()), "concurrent_server_writers");

            first.callOk("mem_add", Map.of("content", "alphamarker written through the first server"));
            second.callOk("mem_add", Map.of("content", "betamarker written through the second server"));

            String markdown = MarkdownFiles.text(sandbox.memoriesDir());
            assertEquals(1, occurrences(markdown, "alphamarker"), markdown);
            assertEquals(1, occurrences(markdown, "betamarker"), markdown);
            // each server finds the other's entry, exactly once
            assertEquals(1, occurrences(second.callOk("mem_search", Map.of("query", "alphamarker")), "alphamarker"));
            assertEquals(1, occurrences(first.callOk("mem_search", Map.of("query", "betamarker")), "betamarker"));

            second.closeStdin();
            assertEquals(0, second.awaitExit(Duration.ofSeconds(5)), () -> second.stderr().text());

            assertTrue(Files.isRegularFile(sandbox.pidFile()),
                    "the contended server's exit removed the holder's pid file");
            if (!Platform.WINDOWS) { // Windows blocks reads of a locked pid file (locking.md §9 item 2)
                assertArrayEquals(firstPayload, PidFiles.bytes(sandbox.pidFile()));
                assertEquals(Optional.of(first.process().pid()), PidFiles.recordedPid(sandbox.pidFile()));
            }
            assertTrue(Mm.serverStatus(sandbox).path("running").asBoolean(), "mm status after the second left");
            assertContains(first.callOk("mem_search", Map.of("query", "alphamarker")), "alphamarker");
        }
    }
}
