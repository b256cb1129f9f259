package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.memtomem.locking.testsupport.ChildProcess;
import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.testsupport.PidHolderMain;
import io.memtomem.locking.testsupport.PythonFlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interlock with the Python reference's primitive, {@code fcntl.flock}, in both directions (locking.md §10.2). A
 * {@code FileChannel} implementation fails every test here on Linux.
 */
@SuppressWarnings("try") // locks are held by try-with-resources for their side effect alone
@PosixOnly
class PythonFlockInteropTest {

    @TempDir
    Path tmp;

    private final List<ChildProcess> children = new ArrayList<>();
    private final FakeOs os = FakeOs.posix();

    @BeforeEach
    void requirePython() {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
    }

    @AfterEach
    void stopEveryChild() {
        for (ChildProcess child : children) {
            child.close();
        }
    }

    private ChildProcess python(Path file, boolean exclusive, boolean writePid) throws Exception {
        ChildProcess child = PythonFlock.hold(file, exclusive, writePid);
        children.add(child);
        return child;
    }

    /** §9 scenario 26/76 with a Python holder: our probe says alive (with its pid) and our acquire is contended. */
    @Test
    void pythonFlockHolderIsSeenAliveAndBlocksOurAcquire() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        ChildProcess pythonServer = python(pidFile, true, true);

        ServerState state = PidProbe.probe(os, pidFile);
        AcquireResult acquired = PidLock.acquire(os, pidFile);

        assertTrue(state.alive());
        assertEquals(pythonServer.pid(), state.pid());
        assertEquals(pythonServer.pid(), assertInstanceOf(AcquireResult.Contended.class, acquired).holderPid());
    }

    /** §10.2 reverse direction: while a Java process holds the lock, Python's {@code LOCK_EX|LOCK_NB} fails. */
    @Test
    void ourChildHolderMakesPythonNonBlockingExclusiveFail() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started javaServer = PidHolderMain.start(pidFile, Map.of());
        children.add(javaServer.process());
        assertTrue(javaServer.held());

        assertEquals("CONTENDED", PythonFlock.tryExclusive(pidFile));

        javaServer.process().kill();
        assertEquals("ACQUIRED", PythonFlock.tryExclusive(pidFile), "the kernel released the killed holder's lock");
    }

    /** §10.2 reverse direction, in-process holder: Python is refused until our cleanup releases the lock. */
    @Test
    void inProcessHolderMakesPythonNonBlockingExclusiveFail() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        try (AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(os, pidFile)) {
            assertEquals("CONTENDED", PythonFlock.tryExclusive(pidFile));
        }
        Files.writeString(pidFile, "");
        assertEquals("ACQUIRED", PythonFlock.tryExclusive(pidFile));
    }

    /** §9 scenario 39 with real Python legacy holders: shared does not gate, exclusive gates. */
    @Test
    void pythonLegacyHoldersAreClassifiedSharedAndExclusive() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path legacy = PidFileNames.legacyPidFile(home);
        Files.createDirectories(legacy.getParent());
        FakeOs runtime = FakeOs.posixWithRuntimeDir(tmp.resolve("runtime"));

        ChildProcess shared = python(legacy, false, false);
        assertEquals("shared", PidProbe.probeLegacy(runtime, legacy).legacyLockMode());
        assertFalse(Liveness.checkServer(runtime, tmp.resolve("memtomem.db"), home).alive());
        shared.kill();

        python(legacy, true, false);
        ServerState gated = Liveness.checkServer(runtime, tmp.resolve("memtomem.db"), home);
        assertTrue(gated.alive());
        assertEquals("exclusive", gated.legacyLockMode());
    }
}
