package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.ChildProcess;
import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.testsupport.PidHolderMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock contract is cross-process: these tests spawn real JVMs running {@link PidHolderMain}. */
@PosixOnly
class CrossProcessLockTest {

    @TempDir
    Path tmp;

    private final List<ChildProcess> children = new ArrayList<>();
    private final FakeOs os = FakeOs.posix();

    @AfterEach
    void stopEveryChild() {
        for (ChildProcess child : children) {
            child.close();
        }
    }

    private PidHolderMain.Started start(List<String> args, Map<String, String> env) throws Exception {
        PidHolderMain.Started started = PidHolderMain.start(args, env);
        children.add(started.process());
        return started;
    }

    private PidHolderMain.Started holder(Path pidFile) throws Exception {
        return start(List.of(pidFile.toString()), Map.of());
    }

    /**
     * §9 scenario 1 (process level): a first holder started with an empty runtime root creates the runtime dir 0700
     * and a pid file whose first line is its pid; a probe from this process reports it alive.
     */
    @Test
    void childCreatesRuntimeDirAndPidFileThatProbesAlive() throws Exception {
        Path runtime = tmp.resolve("runtime");
        PidHolderMain.Started child = start(List.of("--in-runtime-dir", "server.pid"), FakeOs.testRuntimeDirEnv(runtime));
        Path pidFile = runtime.resolve("server.pid");

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime)));
        assertEquals(String.valueOf(child.heldPid()), Files.readAllLines(pidFile).get(0));
        assertEquals(child.process().pid(), child.heldPid());
        ServerState state = PidProbe.probe(os, pidFile);
        assertTrue(state.alive());
        assertEquals(child.heldPid(), state.pid());
    }

    /**
     * §9 scenario 18 (P): under {@code umask 0177} mkdir alone would leave 0600; the explicit chmod makes it 0700.
     * The umask is process-wide, so the check runs in a child started by {@code sh -c 'umask 0177; exec java …'}.
     */
    @Test
    void runtimeDirIsOwnerOnlyEvenUnderUmask0177() throws Exception {
        Path runtime = tmp.resolve("runtime");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 0177 && exec \"$@\"", "sh"));
        command.addAll(ChildProcess.javaCommand(PidHolderMain.class, "--in-runtime-dir", "server.pid"));
        ChildProcess child = ChildProcess.start(command, FakeOs.testRuntimeDirEnv(runtime));
        children.add(child);

        assertTrue(child.awaitLine().startsWith("HELD "));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.resolve("server.pid"))));
    }

    /**
     * §9 scenario 3: a second holder started while another process holds the lock stays alive (reports CONTENDED with
     * the holder's pid) and the holder's pid file bytes are unchanged.
     */
    @Test
    void secondProcessIsContendedStaysAliveAndLeavesHoldersBytes() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started first = holder(pidFile);
        byte[] before = Files.readAllBytes(pidFile);

        PidHolderMain.Started second = holder(pidFile);

        assertEquals("CONTENDED " + first.heldPid(), second.statusLine());
        assertTrue(second.process().exitCodeIfExited().isEmpty(), "the contended process keeps running");
        assertArrayEquals(before, Files.readAllBytes(pidFile));
    }

    /** §9 scenario 4 (module level): a contended process exiting on stdin EOF never deletes the holder's file. */
    @Test
    void contendedProcessExitDoesNotDeleteHoldersFile() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started first = holder(pidFile);
        PidHolderMain.Started second = holder(pidFile);

        second.process().closeStdin();
        assertEquals(0, second.process().awaitExit());

        assertEquals(String.valueOf(first.heldPid()), Files.readAllLines(pidFile).get(0));
        assertTrue(PidProbe.probe(os, pidFile).alive());
    }

    /**
     * §9 scenario 26 and 76: a probe run while a spawned child holds the lock reports alive with the recorded pid and
     * the probed path; after the child releases (stdin EOF: cleanup, exit 0) it reports dead.
     */
    @Test
    void probeSeesChildHolderAliveThenDeadAfterRelease() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started child = holder(pidFile);

        ServerState whileHeld = PidProbe.probe(os, pidFile);
        assertTrue(whileHeld.alive());
        assertEquals(child.heldPid(), whileHeld.pid());
        assertEquals(pidFile, whileHeld.pidFile());

        child.process().closeStdin();
        assertEquals(0, child.process().awaitExit());

        assertFalse(PidProbe.probe(os, pidFile).alive());
        assertFalse(Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS), "clean exit removes the pid file");
    }

    /**
     * §9 scenario 27 and 76 (derived): a SIGKILLed holder leaves its file; the kernel dropped the lock, so the probe
     * says dead with the pid parsed, and a new holder reuses the file.
     */
    @Test
    void killedHolderLeavesStaleFileThatProbesDeadAndIsReused() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started killed = holder(pidFile);
        killed.process().kill();

        ServerState stale = PidProbe.probe(os, pidFile);
        assertFalse(stale.alive());
        assertEquals(killed.heldPid(), stale.pid());

        PidHolderMain.Started next = holder(pidFile);
        assertTrue(next.held());
        assertEquals(String.valueOf(next.heldPid()), Files.readAllLines(pidFile).get(0));
    }

    /** §9 scenario 14/15 (module level, P): SIGTERM to a holder deletes its pid file and exits with status 0. */
    @Test
    void sigtermMakesHolderDeleteItsPidFileAndExitZero() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started child = holder(pidFile);

        child.process().terminate();

        assertEquals(0, child.process().awaitExit());
        assertFalse(Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS));
    }

    /** §3.1: acquiring in this process while a child holds the lock is Contended and changes nothing. */
    @Test
    void acquireAgainstChildHolderIsContendedWithItsPid() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        PidHolderMain.Started child = holder(pidFile);
        byte[] before = Files.readAllBytes(pidFile);

        AcquireResult result = PidLock.acquire(os, pidFile);

        assertEquals(child.heldPid(), assertInstanceOf(AcquireResult.Contended.class, result).holderPid());
        assertArrayEquals(before, Files.readAllBytes(pidFile));
    }

    /** A refused runtime dir makes the holder report an error and create nothing (§3.5: no pid file). */
    @Test
    void unsafeRuntimeDirStopsTheHolderBeforeAnyPidFile() throws Exception {
        Path runtime = Files.createDirectory(tmp.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxr-xr-x"));

        PidHolderMain.Started child = start(List.of("--in-runtime-dir", "server.pid"), FakeOs.testRuntimeDirEnv(runtime));

        assertTrue(child.statusLine().startsWith("ERROR ") && child.statusLine().contains("unsafe permissions"));
        assertEquals(1, child.process().awaitExit());
        assertFalse(Files.exists(runtime.resolve("server.pid")));
    }
}
