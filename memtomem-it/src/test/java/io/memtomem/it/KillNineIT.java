package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario 4 (locking.md §5): a hard-killed server leaves a stale pid file; the lock, not the file, says dead. */
class KillNineIT {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void killedServerLeavesAStalePidFileThatTheNextServerTakesOver() {
        Platform.assumePosix("SIGKILL; Windows releases the lock and has no stale-file case to prove");
        sandbox.configure();
        RawMcpSession killed = RawMcpSession.start(sandbox);
        killed.callOk("mem_add", Map.of("content", "survivormarker written before the crash"));
        Await.until(BOUND, "the pid file", () -> Files.isRegularFile(sandbox.pidFile()));
        assertEquals(Optional.of(killed.process().pid()), PidFiles.recordedPid(sandbox.pidFile()));

        killed.process().toHandle().destroyForcibly(); // SIGKILL: no handler, no hook runs
        killed.awaitExit(BOUND);

        assertTrue(Files.isRegularFile(sandbox.pidFile()), "a SIGKILL cannot remove the pid file");
        assertFalse(Mm.serverStatus(sandbox).path("running").asBoolean(), "a stale pid file must probe dead");

        RawMcpSession next = RawMcpSession.start(sandbox);
        long nextPid = next.process().pid();
        Await.until(BOUND, "the new server's payload in the pid file",
                () -> PidFiles.recordedPid(sandbox.pidFile()).equals(Optional.of(nextPid)));
        JsonNode status = Mm.serverStatus(sandbox);
        assertTrue(status.path("running").asBoolean(), status::toString);
        assertEquals(nextPid, status.path("pid").asLong(), status::toString);
        assertContains(next.callOk("mem_search", Map.of("query", "survivormarker")), "survivormarker");
    }
}
