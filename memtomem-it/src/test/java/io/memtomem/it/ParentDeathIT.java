package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Scenario 10: when the process that spawned the server dies (an MCP host crashing), the server must not linger as
 * an orphan holding the store. Its stdin stays open here (this test holds the pipe), so only parent-death detection
 * can end it.
 */
class ParentDeathIT {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(5);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void serverExitsWithinFiveSecondsOfItsParentsDeathAndFreesTheLock() {
        Platform.assumePosix("the intermediate parent is sh; the Windows launcher's cmd.exe outlives a killed parent");
        sandbox.configure();
        // sh keeps running as the parent ("; echo" prevents it from exec-ing the server in its place)
        RawMcpSession session = RawMcpSession.start(sandbox, List.of("sh", "-c", "\"$0\"; echo parent-survived",
                Launchers.server().get(0)));
        session.callOk("mem_stats", Map.of());
        Process parent = session.process();
        List<ProcessHandle> children = parent.toHandle().children().toList();
        assertEquals(1, children.size(), "sh should have exactly one child, the server: " + children);
        ProcessHandle server = children.get(0);
        sandbox.processes().adopt(server);
        Await.until(Duration.ofSeconds(30), "the pid file", () -> Files.isRegularFile(sandbox.pidFile()));

        parent.destroyForcibly();

        Await.until(EXIT_BOUND, "the orphaned server to exit", () -> !server.isAlive());
        assertFalse(Mm.serverStatus(sandbox).path("running").asBoolean(), "the lock outlived the server");
    }
}
