package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windows cleanup order (locking.md §4.3, §10.5): the lock handle must be closed before the pid file is deleted, or
 * the delete fails (or leaves a delete-pending name that blocks the next server). Observable from outside as: after
 * a clean exit the file is gone, and the next server takes the lock at once.
 */
class WindowsPidFileCleanupIT {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(5);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void cleanExitClosesThenDeletesThePidFileSoTheNextServerTakesTheLock() {
        Platform.assumeWindows("close-then-delete ordering only matters where open files cannot be deleted");
        sandbox.configure();
        RawMcpSession first = RawMcpSession.start(sandbox);
        first.callOk("mem_stats", Map.of());
        Await.until(Duration.ofSeconds(30), "the pid file", () -> Files.isRegularFile(sandbox.pidFile()));
        assertTrue(Mm.serverStatus(sandbox).path("running").asBoolean(), "a live holder must probe running");

        first.closeStdin();
        assertEquals(0, first.awaitExit(EXIT_BOUND), () -> first.stderr().text());
        assertFalse(Files.exists(sandbox.pidFile()), "pid file left behind (deleted before its handle was closed?)");

        RawMcpSession next = RawMcpSession.start(sandbox);
        next.callOk("mem_stats", Map.of());
        Await.until(Duration.ofSeconds(30), "the next server's pid file", () -> Files.isRegularFile(sandbox.pidFile()));
        assertTrue(Mm.serverStatus(sandbox).path("running").asBoolean(), "the next server must hold the lock");
        assertFalse(next.stderr().text().contains("Another memtomem-server is already"), next.stderr().text());
    }
}
