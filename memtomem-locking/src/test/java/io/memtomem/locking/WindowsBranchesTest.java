package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.windows.WindowsLockBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Windows branches run on this (POSIX) build machine through {@link FakeOs#windows}: the real {@code FileChannel}
 * byte-range backend where the JDK behaves the same here, and stubbed handles where only Windows can produce the
 * behaviour (a mandatory range lock blocking reads).
 */
class WindowsBranchesTest {

    @TempDir
    Path tmp;

    private FakeOs windows() {
        return FakeOs.windows(tmp.resolve("LocalAppData"));
    }

    /** §9 scenario 2 (W): only the size can be checked from outside; the lines are read through the holder's handle. */
    @Test
    void windowsHolderWritesThreeLinePayloadReadableThroughItsOwnHandle() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        try (AcquireResult.Held held = assertInstanceOf(AcquireResult.Held.class, PidLock.acquire(windows(), pidFile))) {
            assertTrue(Files.size(pidFile) > 0);
            String[] lines = new String(held.readOwnPidFile(), StandardCharsets.UTF_8).split("\n", -1);
            assertEquals(List.of(String.valueOf(held.pid()), "", held.started(), ""), List.of(lines));
            assertTrue(lines[2].endsWith("+00:00"));
            assertEquals(0, OffsetDateTime.parse(lines[2]).getOffset().getTotalSeconds());
        }
    }

    /**
     * §9 scenario 3 (W) and §9 scenario 75 (first clause): a second handle in the same process is refused (the JDK's
     * OverlappingFileLockException is contention, not an error) and the holder's bytes, read through the holder's own
     * handle, are unchanged.
     */
    @Test
    void windowsSecondAcquireInSameProcessIsContendedAndLeavesPayload() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        try (AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(windows(), pidFile)) {
            byte[] before = held.readOwnPidFile();

            AcquireResult second = PidLock.acquire(windows(), pidFile);

            assertInstanceOf(AcquireResult.Contended.class, second);
            assertArrayEquals(before, held.readOwnPidFile());
        }
    }

    /** §9 scenario 13 (W): probe sees the in-process holder alive; cleanup closes first, then deletes — file gone. */
    @Test
    void windowsCleanupClosesBeforeDeletingAndLeavesNoPidFile() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        List<Boolean> fileExistedAtClose = new ArrayList<>();
        FakeOs os = windows().withLockBackend(recordingClose(new WindowsLockBackend(), pidFile, fileExistedAtClose));
        AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(os, pidFile);
        assertTrue(PidProbe.probe(windows(), pidFile).alive());

        held.cleanup();
        held.cleanup();

        assertEquals(List.of(true), fileExistedAtClose, "closed exactly once, while the file still existed");
        assertFalse(Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS));
    }

    /** §4.3 (POSIX counterpart of the test above): delete first while still holding the lock, then close. */
    @Test
    @PosixOnly
    void posixCleanupDeletesBeforeClosing() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        List<Boolean> fileExistedAtClose = new ArrayList<>();
        FakeOs posix = FakeOs.posix();
        FakeOs os = posix.withLockBackend(recordingClose(posix.lockBackend(), pidFile, fileExistedAtClose));

        ((AcquireResult.Held) PidLock.acquire(os, pidFile)).cleanup();

        assertEquals(List.of(false), fileExistedAtClose);
    }

    /** §4.3: Windows cleanup suppresses a failing delete (here: a non-empty directory squatting on the name). */
    @Test
    @PosixOnly // a real Windows cannot replace a file whose handle is still open
    void windowsCleanupSwallowsDeleteFailures() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(windows(), pidFile);
        Files.delete(pidFile);
        Files.writeString(Files.createDirectory(pidFile).resolve("child"), "x");

        assertDoesNotThrow(held::cleanup);
        assertTrue(Files.isDirectory(pidFile));
    }

    /**
     * §9 scenario 26 (W): a live holder's mandatory range lock makes the probe's read fail — alive, pid None, and no
     * probeError (contention was observed). Simulated: only Windows can block the read for real.
     */
    @Test
    void windowsProbeOfLockedFileIsAliveWithUnknownPid() throws IOException {
        Path pidFile = Files.writeString(tmp.resolve("server.pid"), "4242\n");
        LockableFile lockedByAnotherProcess = mock(LockableFile.class);
        when(lockedByAnotherProcess.readUpTo(anyInt()))
                .thenThrow(new IOException("The process cannot access the file because another process has locked a"
                        + " portion of the file"));
        when(lockedByAnotherProcess.tryLock(LockMode.EXCLUSIVE)).thenReturn(false);
        when(lockedByAnotherProcess.status()).thenReturn(Optional.empty());
        LockBackend backend = mock(LockBackend.class);
        when(backend.openForProbing(pidFile)).thenReturn(lockedByAnotherProcess);

        ServerState state = PidProbe.probe(windows().withLockBackend(backend), pidFile);

        assertEquals(new ServerState(true, null, pidFile, null, null, null, null), state);
        verify(lockedByAnotherProcess, never()).replaceContent(any());
        verify(lockedByAnotherProcess).close();
    }

    /**
     * §9 scenario 27 (W): a stale file probes dead with its pid — which also proves the probe opened read+write: an
     * exclusive FileChannel lock on a read-only channel throws NonWritableChannelException.
     */
    @Test
    void windowsProbeOfStaleFileIsDeadWithPidUsingAWritableHandle() throws IOException {
        Path pidFile = Files.writeString(tmp.resolve("server.pid"), "4242\r\n\r\n2026-08-05T10:00:00.123456+00:00\r\n");

        assertEquals(new ServerState(false, 4242L, pidFile, "2026-08-05T10:00:00.123456+00:00", null, null, null),
                PidProbe.probe(windows(), pidFile));
    }

    /** §5.4 gate on Windows: no shared/exclusive classification, any legacy holder gates. */
    @Test
    void windowsLegacyGateTreatsAnyHolderAsAlive() throws IOException {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path legacy = PidFileNames.legacyPidFile(home);
        Files.createDirectories(legacy.getParent());
        FakeOs os = windows().withEnv(FakeOs.testRuntimeDirEnv(tmp.resolve("runtime")));
        try (LockableFile sharedHolder = os.lockBackend().openForWriting(legacy)) {
            assertTrue(sharedHolder.tryLock(LockMode.SHARED));

            ServerState state = Liveness.checkServer(os, tmp.resolve("memtomem.db"), home);

            assertTrue(state.alive());
            assertEquals(legacy, state.pidFile());
            assertNull(state.legacyLockMode());
        }
    }

    /**
     * §9 scenario 16: installing the TERM handler on Windows registers nothing. A recording handler is put in place,
     * the Windows install runs, and a raised SIGTERM still reaches the recording handler, not {@code onTerm}.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @PosixOnly // raising SIGTERM inside the test JVM is a POSIX technique
    void termHandlerOnWindowsRegistersNothing() throws InterruptedException {
        Signal term = new Signal("TERM");
        CountDownLatch recorded = new CountDownLatch(1);
        AtomicBoolean onTermRan = new AtomicBoolean();
        SignalHandler original = Signal.handle(term, signal -> recorded.countDown());
        try {
            TermHandler.installPosix(windows(), () -> onTermRan.set(true));
            Signal.raise(term);

            recorded.await();
            assertFalse(onTermRan.get());
        } finally {
            Signal.handle(term, original);
        }
    }

    /** Records, at each close of a pid-file handle, whether the pid file still existed. */
    private static LockBackend recordingClose(LockBackend real, Path pidFile, List<Boolean> existedAtClose) {
        return new ForwardingLockBackend(real) {
            @Override
            LockableFile wrap(Path file, LockableFile opened) {
                return new ForwardingLockableFile(opened) {
                    @Override
                    public void close() {
                        existedAtClose.add(Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS));
                        delegate.close();
                    }
                };
            }
        };
    }

    /**
     * #18.3 on Windows: the registry sentinel and the lifecycle barrier go through the byte-range backend; a held
     * sentinel reads live, and closing first (Windows cannot delete a locked file) still removes it.
     */
    @Test
    void windowsRegistryAndBarrierUseTheByteRangeBackend() throws IOException {
        FakeOs os = windows();
        Files.createDirectories(tmp.resolve("LocalAppData").resolve("Temp"));
        Path db = Files.writeString(tmp.resolve("memtomem.db"), "");
        String digest = InstanceRegistry.storeDigest(os, db).orElseThrow();

        try (LifecycleBarrier barrier = LifecycleBarrier.shared(os, LifecycleBarrier.BUDGET).orElseThrow()) {
            InstanceRegistry.Registration registration = InstanceRegistry.register(os, db);
            assertEquals(List.of(ProcessHandle.current().pid()), InstanceRegistry.enumerate(os).serving(digest)
                    .stream().map(InstanceRegistry.Instance::pid).toList());
            assertEquals(Optional.empty(), LifecycleBarrier.exclusive(os, java.time.Duration.ofMillis(100)));
            registration.close();
            assertFalse(Files.exists(registration.sentinel()));
        }
        assertEquals(InstanceRegistry.Verdict.NONE, InstanceRegistry.enumerate(os).verdict());
    }
}
