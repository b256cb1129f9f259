package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The §5.3 outcome table on POSIX, row by row. Holders here are other open file descriptions in this JVM. */
@SuppressWarnings("try") // locks are held by try-with-resources for their side effect alone
@PosixOnly
class PidProbeTest {

    @TempDir
    Path tmp;

    private final FakeOs os = FakeOs.posix();

    private Path stale(String content) throws IOException {
        return Files.writeString(tmp.resolve("server.pid"), content);
    }

    private static void assertFailClosed(ServerState state, Path pidFile) {
        assertTrue(state.alive());
        assertTrue(state.cannotVerify());
        assertNull(state.pid());
        assertEquals(pidFile, state.pidFile());
        assertNotNull(state.probeError());
    }

    /** §9 scenario 26 (same-JVM variant; the cross-process one is in CrossProcessLockTest): alive, recorded pid, path. */
    @Test
    void heldFileProbesAliveWithRecordedPidAndProbedPath() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        try (AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(os, pidFile)) {
            ServerState state = PidProbe.probe(os, pidFile);

            assertEquals(new ServerState(true, held.pid(), pidFile, held.started(), null, null, null), state);
        }
    }

    /** §9 scenario 27: a stale pid file with no holder probes dead with its pid parsed and its path set. */
    @Test
    void staleFileWithoutHolderProbesDeadWithPidParsed() throws IOException {
        Path pidFile = stale("4242\n\n2026-08-05T10:00:00.123456+00:00\n");

        assertEquals(new ServerState(false, 4242L, pidFile, "2026-08-05T10:00:00.123456+00:00", null, null, null),
                PidProbe.probe(os, pidFile));
    }

    /** §9 scenario 28: naming a live process (our own pid) proves nothing without the lock: dead (pid recycling). */
    @Test
    void pidOfALiveProcessWithoutLockProbesDead() throws IOException {
        long ownPid = ProcessHandle.current().pid();
        Path pidFile = stale(ownPid + "\n");

        ServerState state = PidProbe.probe(os, pidFile);

        assertEquals(false, state.alive());
        assertEquals(ownPid, state.pid());
    }

    /** §9 scenario 29: an absent pid file probes dead with {@code pidFile} unset — also with an absent parent. */
    @Test
    void absentPidFileProbesDeadWithoutPidFile() {
        assertEquals(ServerState.absent(), PidProbe.probe(os, tmp.resolve("server.pid")));
        assertEquals(ServerState.absent(), PidProbe.probe(os, tmp.resolve("missing/server.pid")));
    }

    /** §5.3 A.3: a dangling parent link means "absent"; a live one is a redirection and fails closed. */
    @Test
    void danglingParentLinkIsAbsentWhileLiveParentLinkFailsClosed() throws IOException {
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        Path real = Files.createDirectory(tmp.resolve("real"));
        Files.writeString(real.resolve("server.pid"), "4242\n");
        Path live = Files.createSymbolicLink(tmp.resolve("live"), real);

        assertEquals(ServerState.absent(), PidProbe.probe(os, dangling.resolve("server.pid")));
        ServerState redirected = PidProbe.probe(os, live.resolve("server.pid"));
        assertFailClosed(redirected, live.resolve("server.pid"));
        assertTrue(redirected.probeError().contains("redirected or not a directory"));
    }

    /** §5.3 A.4: a parent that is not a directory fails closed. */
    @Test
    void nonDirectoryParentFailsClosed() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "");

        assertFailClosed(PidProbe.probe(os, file.resolve("server.pid")), file.resolve("server.pid"));
    }

    /** §9 scenario 30 (probe level): a 4096-byte payload still yields its pid; 4097 bytes yields none. */
    @Test
    void probeParses4096BytePayloadButNot4097() throws IOException {
        char[] padding = new char[PidPayload.MAX_BYTES - "4242\n".length()];
        Arrays.fill(padding, ' ');
        Path pidFile = stale("4242\n" + new String(padding));
        assertEquals(4242L, PidProbe.probe(os, pidFile).pid());

        Files.writeString(pidFile, " ", StandardOpenOption.APPEND);
        ServerState oversized = PidProbe.probe(os, pidFile);
        assertEquals(false, oversized.alive());
        assertNull(oversized.pid());
        assertEquals(pidFile, oversized.pidFile());
    }

    /** §9 scenario 31: a symlink at the pid path is alive with probeError and no pid; the target is not read. */
    @Test
    void symlinkAtPidPathFailsClosedWithoutReadingTarget() throws IOException {
        Path target = Files.writeString(tmp.resolve("target"), "4242\n");
        Path pidFile = Files.createSymbolicLink(tmp.resolve("server.pid"), target);

        ServerState state = PidProbe.probe(os, pidFile);

        assertFailClosed(state, pidFile);
        assertTrue(state.probeError().contains("symlink"));
    }

    /**
     * §9 scenario 32: a FIFO at the pid path returns as alive with probeError instead of hanging; {@code /dev/null}
     * likewise. The timeout is only a hang guard for a broken implementation, not a performance assertion.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fifoAndDeviceAtPidPathFailClosedWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("server.pid");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        ServerState fifoState = PidProbe.probe(os, fifo);
        ServerState device = PidProbe.probe(os, Path.of("/dev/null"));

        assertFailClosed(fifoState, fifo);
        assertTrue(fifoState.probeError().contains("not a regular file"));
        assertFailClosed(device, Path.of("/dev/null"));
    }

    /** §9 scenario 33: an oversized payload under contention is alive with no pid and no probeError. */
    @Test
    void oversizedPayloadUnderContentionIsAliveWithoutPidOrError() throws IOException {
        Path pidFile = stale("4242\n" + " ".repeat(PidPayload.MAX_BYTES));
        try (LockableFile holder = os.lockBackend().openForWriting(pidFile)) {
            assertTrue(holder.tryLock(LockMode.EXCLUSIVE));

            assertEquals(new ServerState(true, null, pidFile, null, null, null, null), PidProbe.probe(os, pidFile));
        }
    }

    /** §9 scenario 33: invalid UTF-8 in a stale file is dead with pid None. */
    @Test
    void invalidUtf8InStaleFileIsDeadWithoutPid() throws IOException {
        Path pidFile = Files.write(tmp.resolve("server.pid"), new byte[] {'4', '2', '\n', (byte) 0xff, '\n'});

        assertEquals(new ServerState(false, null, pidFile, null, null, null, null), PidProbe.probe(os, pidFile));
    }

    /** §9 scenario 34: a file swapped in right after the lock call: alive, pid None, probeError set. */
    @Test
    void identityChangeAfterLockCallFailsClosedWithoutPid() throws IOException {
        Path pidFile = stale("4242\n");
        Path replacement = Files.writeString(tmp.resolve("replacement"), "5555\n");
        FakeOs swapsDuringLock = os.withLockBackend(new ForwardingLockBackend(os.lockBackend()) {
            @Override
            LockableFile wrap(Path file, LockableFile opened) {
                return new ForwardingLockableFile(opened) {
                    @Override
                    public boolean tryLock(LockMode mode) throws IOException {
                        boolean acquired = delegate.tryLock(mode);
                        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);
                        return acquired;
                    }
                };
            }
        });

        ServerState state = PidProbe.probe(swapsDuringLock, pidFile);

        assertFailClosed(state, pidFile);
        assertTrue(state.probeError().contains("changed identity"));
    }

    /** §5.3 A.7: a file swapped in between the lstat and the open is caught before any lock or read. */
    @Test
    void identityChangeBeforeLockFailsClosed() throws IOException {
        Path pidFile = stale("4242\n");
        Path replacement = Files.writeString(tmp.resolve("replacement"), "5555\n");
        FakeOs swapsAfterOpen = os.withLockBackend(new ForwardingLockBackend(os.lockBackend()) {
            @Override
            LockableFile wrap(Path file, LockableFile opened) throws IOException {
                Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);
                return opened;
            }
        });

        ServerState state = PidProbe.probe(swapsAfterOpen, pidFile);

        assertFailClosed(state, pidFile);
        assertTrue(state.probeError().contains("changed identity"));
    }

    /** §9 scenario 35: observed contention is positive evidence — alive with no probeError. */
    @Test
    void observedContentionIsAliveWithoutProbeError() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        try (AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(os, pidFile)) {
            ServerState state = PidProbe.probe(os, pidFile);

            assertTrue(state.alive());
            assertNull(state.probeError());
            assertEquals(false, state.cannotVerify());
        }
    }

    /** §9 scenario 35: a non-contention lock error is alive with a probeError naming the exception type; pid kept. */
    @Test
    void nonContentionLockErrorIsAliveWithProbeErrorNamingTheType() throws IOException {
        Path pidFile = stale("4242\n");
        FakeOs failing = os.withLockBackend(ForwardingLockBackend.failingLocksWith(os.lockBackend(),
                new FileSystemException(pidFile.toString(), null, "No locks available")));

        ServerState state = PidProbe.probe(failing, pidFile);

        assertTrue(state.cannotVerify());
        assertEquals(4242L, state.pid());
        assertEquals(pidFile, state.pidFile());
        assertTrue(state.probeError().contains("FileSystemException"), state.probeError());
    }

    /** §9 scenario 36: a directory or a dangling symlink at the pid path is alive with probeError. */
    @Test
    void directoryOrDanglingSymlinkAtPidPathFailsClosed() throws IOException {
        Path directory = Files.createDirectory(tmp.resolve("dir.pid"));
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.pid"), tmp.resolve("nowhere"));

        assertFailClosed(PidProbe.probe(os, directory), directory);
        assertFailClosed(PidProbe.probe(os, dangling), dangling);
    }

    /** §5.1 invariants: a probe writes nothing (bytes and mtime unchanged) and holds nothing afterwards. */
    @Test
    void probeWritesNothingAndHoldsNothingAfterwards() throws IOException {
        Path pidFile = stale("4242\n");
        Files.setLastModifiedTime(pidFile, FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(pidFile);

        PidProbe.probe(os, pidFile);

        assertArrayEquals(before, Files.readAllBytes(pidFile));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(pidFile));
        try (AcquireResult.Held held = assertInstanceOf(AcquireResult.Held.class, PidLock.acquire(os, pidFile))) {
            assertTrue(Files.exists(held.pidFile(), LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** §5.3: control characters in a hostile path never reach probeError raw. */
    @Test
    void probeErrorIsScrubbedOfControlCharacters() throws IOException {
        Path pidFile = Files.createDirectory(tmp.resolve("evil\u001b]0;owned\u0007.pid"));

        ServerState state = PidProbe.probe(os, pidFile);

        assertTrue(state.probeError().chars().noneMatch(Character::isISOControl), state.probeError());
        assertTrue(state.probeError().contains("evil\\x1b]0;owned\\x07.pid"));
    }
}
