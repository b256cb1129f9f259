package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario 3 (locking.md §4): the two designed ways a server ends, both leaving no pid file behind. */
class ShutdownIT {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(5);
    private static final Duration REPLY_BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void sigtermExitsWithStatusZeroWithinFiveSecondsAndRemovesThePidFile() {
        Platform.assumePosix("SIGTERM handling; Windows has no signals and ends servers by stdin EOF");
        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_add", Map.of("content", "a memory so the store is open when the signal arrives"));
        Await.until(REPLY_BOUND, "the pid file", () -> Files.isRegularFile(sandbox.pidFile()));

        server.process().toHandle().destroy(); // SIGTERM on POSIX

        assertEquals(0, server.awaitExit(EXIT_BOUND), () -> server.stderr().text());
        assertFalse(Files.exists(sandbox.pidFile()), "pid file left behind after SIGTERM");
    }

    @Test
    void stdinEofDeliversTheRepliesInFlightThenExitsWithinFiveSecondsAndRemovesThePidFile() {
        RawMcpSession server = RawMcpSession.start(sandbox);
        Await.until(REPLY_BOUND, "the pid file", () -> Files.isRegularFile(sandbox.pidFile()));

        // the first call opens the store, so the others queue behind it: all of them are in flight at EOF
        List<Long> inFlight = List.of(
                server.callTool("mem_add", Map.of("content", "written just before stdin closed")),
                server.callTool("mem_add", Map.of("content", "a second entry racing the close")),
                server.callTool("mem_search", Map.of("query", "stdin closed")),
                server.callTool("mem_stats", Map.of()));
        server.closeStdin();

        assertEquals(0, server.awaitExit(EXIT_BOUND), () -> server.stderr().text());
        for (long id : inFlight) {
            JsonNode reply = server.response(id).orElseThrow(
                    () -> new AssertionError("reply " + id + " was lost at EOF; stderr:\n" + server.stderr().text()));
            assertFalse(RawMcpSession.isError(reply), reply::toString);
        }
        assertFalse(Files.exists(sandbox.pidFile()), "pid file left behind after stdin EOF");
        assertTrue(MarkdownFiles.text(sandbox.memoriesDir()).contains("a second entry racing the close"));
    }
}
