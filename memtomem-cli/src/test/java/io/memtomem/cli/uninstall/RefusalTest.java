package io.memtomem.cli.uninstall;

import io.memtomem.locking.InstanceRegistry;
import io.memtomem.locking.ServerState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Windows and pid-unknown wordings, which real processes on a Linux build machine cannot produce. */
class RefusalTest {
    private static final Path DB = Path.of("/home/u/.memtomem/memtomem.db");
    private static final Path PID_FILE = Path.of("/tmp/memtomem-0/server-0123456789abcdef.pid");
    private static final DbWriteLock.State FREE = DbWriteLock.State.FREE;
    private static final InstanceRegistry.Enumeration NO_SERVERS =
            new InstanceRegistry.Enumeration(InstanceRegistry.Verdict.NONE, List.of(), null, null);

    private static StoreGates server(Long pid) {
        return new StoreGates(DB, new ServerState(true, pid, PID_FILE, null, null, null, null), FREE, NO_SERVERS);
    }

    private static String text(StoreGates gates, boolean force, boolean windows) {
        return String.join("\n", Refusal.check(gates, force, windows).orElseThrow().lines());
    }

    @Test
    void nothingInUseMeansNoRefusal() {
        StoreGates idle = new StoreGates(DB, ServerState.absent(), FREE, NO_SERVERS);
        assertTrue(Refusal.check(idle, false, false).isEmpty());
        assertTrue(Refusal.check(idle, true, true).isEmpty());
    }

    @Test
    void anUnknownPidPointsToLsofOnPosix() {
        String text = text(server(null), false, false);
        assertTrue(text.contains("pid unknown") && text.contains("lsof " + PID_FILE), text);
    }

    @Test
    void anUnknownPidPointsToHandleExeOnWindowsWithoutForce() {
        String text = text(server(null), false, true);
        assertTrue(text.contains("pid unknown") && text.contains("handle.exe") && text.contains("Resource Monitor"),
                text);
        assertFalse(text.contains("--force"), text);
    }

    @Test
    void aKnownPidOnWindowsSuggestsTaskkill() {
        String text = text(server(4242L), false, true);
        assertTrue(text.contains("Server still running (pid 4242)") && text.contains("taskkill /PID 4242"), text);
    }

    @Test
    void forceOnWindowsIsRefusedWithTheWinError32Explanation() {
        String text = text(server(4242L), true, true);
        assertTrue(text.contains("--force cannot wipe an open SQLite database on Windows"), text);
        assertTrue(text.contains("Stop the writer") && text.contains("WinError 32"), text);
    }

    @Test
    void forceOnPosixOverridesTheHeuristics() {
        assertTrue(Refusal.check(server(4242L), true, false).isEmpty());
        StoreGates locked = new StoreGates(DB, ServerState.absent(), new DbWriteLock.State(true, null), NO_SERVERS);
        assertTrue(Refusal.check(locked, true, false).isEmpty());
    }

    @Test
    void aWriteLockOnWindowsPointsToTaskManager() {
        StoreGates locked = new StoreGates(DB, ServerState.absent(), new DbWriteLock.State(true, null), NO_SERVERS);
        String text = text(locked, false, true);
        assertTrue(text.contains("holds a write lock on " + DB) && text.contains("Get-Process"), text);
    }

    @Test
    void theLateRefusalSaysItBecameActive() {
        Refusal late = Refusal.check(server(7L), false, false).orElseThrow().becameActive();
        assertEquals(List.of("A memtomem process became active while uninstall was waiting for confirmation; "
                + "nothing was deleted."), late.lines().subList(0, 1));
    }

    /** #12: a registered server (e.g. one that serves without the pid lock) refuses even --force. */
    @Test
    void aRegisteredServerRefusesEvenWithForce() {
        InstanceRegistry.Enumeration live = new InstanceRegistry.Enumeration(InstanceRegistry.Verdict.LIVE,
                List.of(new InstanceRegistry.Instance(5151, 1, "0123456789abcdef", "abcdef01", PID_FILE)), null, null);
        StoreGates gates = new StoreGates(DB, ServerState.absent(), FREE, live);
        String text = text(gates, true, false);
        assertTrue(text.contains("A live memtomem-server instance is registered (pid 5151)")
                && text.contains("kill 5151") && text.contains("--force does not override"), text);
    }

    @Test
    void anUntrustedRegistryNamesThePathAndAnUnknownOneAdvisesRetry() {
        Path instances = Path.of("/tmp/memtomem-0/instances");
        String untrusted = text(new StoreGates(DB, ServerState.absent(), FREE, new InstanceRegistry.Enumeration(
                InstanceRegistry.Verdict.UNTRUSTED, List.of(), instances, "symlink")), true, false);
        assertTrue(untrusted.contains("cannot be trusted: " + instances + " (symlink)"), untrusted);
        String unknown = text(new StoreGates(DB, ServerState.absent(), FREE, new InstanceRegistry.Enumeration(
                InstanceRegistry.Verdict.UNKNOWN, List.of(), instances, "EIO")), false, false);
        assertTrue(unknown.contains("Could not determine whether a memtomem-server instance") && unknown
                .contains("Retry in a moment"), unknown);
    }

    /** #13: a fail-closed state without a pid file (a refused runtime dir) never prints "probing null failed". */
    @Test
    void aFailClosedStateWithoutPidFileNamesItsCauseNotNull() {
        ServerState refusedDir = new ServerState(true, null, null, null,
                "runtime directory /tmp/memtomem-0 cannot be trusted (owned by uid 1001)", null, null);
        String text = text(new StoreGates(DB, refusedDir, FREE, NO_SERVERS), false, false);
        assertFalse(text.contains("null"), text);
        assertTrue(text.contains("Cannot verify whether a memtomem server is running: runtime directory "
                + "/tmp/memtomem-0 cannot be trusted (owned by uid 1001)."), text);
    }
}
