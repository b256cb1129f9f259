package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #12 several servers on one store, #18.3 the reference's instance registry and lifecycle barrier: a server that
 * found the pid lock held keeps serving, is visible while it does, takes the lock over when the holder leaves, and no
 * uninstall deletes the store under it — nor under a Python memtomem server.
 */
class SeveralServersIT {
    private static final Duration START_BOUND = Duration.ofSeconds(30);
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void contendedServerTakesThePidLockOverWhenTheHolderExitsAndUninstallRefusesWhileItServes() {
        sandbox.configure();
        McpServerConnection first = McpServerConnection.start(sandbox);
        first.callOk("mem_add", Map.of("content", "firstmarker written before the holder left"));
        RawMcpSession second = RawMcpSession.start(sandbox);
        Await.until(START_BOUND, "the contention warning", () -> second.stderr().text()
                .contains("Another memtomem-server is already"));
        second.callOk("mem_stats", Map.of());
        long secondPid = second.process().pid();

        first.close();
        Await.until(TAKEOVER_BOUND, "mm status to show the second server holding the pid lock", () -> {
            JsonNode server = Mm.serverStatus(sandbox);
            return server.path("running").asBoolean() && server.path("pid").asLong() == secondPid;
        });

        FileTree before = FileTree.snapshot(sandbox.storeDir());
        Mm.Result refused = Mm.run(sandbox, "uninstall", "-y", "--force");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertContains(refused.stderr(), "A live memtomem-server instance is registered (pid " + secondPid + ")",
                "--force does not override this check");
        assertEquals(List.of(), before.removedIn(FileTree.snapshot(sandbox.storeDir())), "deleted under a server");
        assertContains(second.callOk("mem_search", Map.of("query", "firstmarker")), "firstmarker");

        second.closeStdin();
        assertEquals(0, second.awaitExit(Duration.ofSeconds(10)), () -> second.stderr().text());
        Mm.run(sandbox, "uninstall", "-y").assertOk();
    }

    @Test
    void statusNamesEveryServerServingTheStore() {
        sandbox.configure();
        try (McpServerConnection first = McpServerConnection.start(sandbox)) {
            first.callOk("mem_add", Map.of("content", "a store two servers have open"));
            RawMcpSession second = RawMcpSession.start(sandbox);
            second.callOk("mem_stats", Map.of());
            List<Long> both = sortedPids(first.process().pid(), second.process().pid());

            JsonNode server = Mm.serverStatus(sandbox);
            assertEquals(first.process().pid(), server.path("pid").asLong(), server::toString);
            assertEquals(both, pids(server.path("serving_pids")), server::toString);
            assertContains(Mm.run(sandbox, "status").assertOk().stdout(), "2 servers (pids " + both.get(0) + ", "
                    + both.get(1) + "); only pid " + first.process().pid() + " holds the pid lock");
            assertContains(second.callOk("mem_status", Map.of()), "2 servers (pids " + both.get(0));

            second.closeStdin();
            assertEquals(0, second.awaitExit(Duration.ofSeconds(10)), () -> second.stderr().text());
            assertEquals(List.of(first.process().pid()), pids(Mm.serverStatus(sandbox).path("serving_pids")));
        }
    }

    /** #18.3: a Python server's sentinel and barrier hold (same names, same flock) count like ours. */
    @Test
    void aPythonServersRegistrationShowsInStatusAndBlocksUninstall() {
        PythonWriter.assumeAvailable();
        sandbox.configure();
        Mm.run(sandbox, "add", "a memory a python server has open").assertOk();
        Process python = sandbox.processes().start(sandbox.processBuilder(List.of("python3", "-c",
                PythonRegistry.SERVER, sandbox.runtimeDir().toString(), sandbox.dbPath().toString())));
        LineBuffer out = LineBuffer.drain(python.getInputStream(), "python-server");
        LineBuffer err = LineBuffer.drain(python.getErrorStream(), "python-server-err");
        Await.until(START_BOUND, () -> "the python server to register; stderr: " + err.text(),
                () -> out.lines().contains("REGISTERED"));

        assertEquals(List.of(python.pid()), pids(Mm.serverStatus(sandbox).path("serving_pids")));
        FileTree before = FileTree.snapshot(sandbox.storeDir());
        Mm.Result refused = Mm.run(sandbox, "uninstall", "-y", "--force");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertContains(refused.stderr(), "A live memtomem-server instance is registered (pid " + python.pid() + ")");
        assertEquals(List.of(), before.removedIn(FileTree.snapshot(sandbox.storeDir())), "deleted under a server");
    }

    /** #18.3 the other way: the reference's enumeration finds our server, and its uninstall barrier is refused. */
    @Test
    void ourServerIsSeenByTheReferencesRegistryAndBarrier() throws Exception {
        PythonWriter.assumeAvailable();
        sandbox.configure();
        RawMcpSession server = RawMcpSession.start(sandbox);
        server.callOk("mem_add", Map.of("content", "a memory our server has open"));

        List<String> seen = PythonRegistry.inspect(sandbox);
        assertTrue(seen.contains("LIVE " + server.process().pid()), seen::toString);
        assertTrue(seen.contains("BARRIER CONTENDED"), seen::toString);

        server.closeStdin();
        assertEquals(0, server.awaitExit(Duration.ofSeconds(10)), () -> server.stderr().text());
        List<String> after = PythonRegistry.inspect(sandbox);
        assertTrue(after.contains("BARRIER ACQUIRED") && after.stream().noneMatch(line -> line.startsWith("LIVE")),
                after::toString);
    }

    private static List<Long> pids(JsonNode array) {
        List<Long> pids = new ArrayList<>();
        array.forEach(pid -> pids.add(pid.asLong()));
        return pids;
    }

    private static List<Long> sortedPids(long a, long b) {
        return a < b ? List.of(a, b) : List.of(b, a);
    }
}
