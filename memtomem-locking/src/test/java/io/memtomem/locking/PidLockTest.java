package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** In-process POSIX acquire/cleanup. flock belongs to the open file description, so one JVM can play both sides. */
@SuppressWarnings("try") // locks are held by try-with-resources for their side effect alone
@PosixOnly
class PidLockTest {

    @TempDir
    Path tmp;

    private final FakeOs os = FakeOs.posix();

    private AcquireResult.Held hold(Path pidFile) throws IOException {
        return assertInstanceOf(AcquireResult.Held.class, PidLock.acquire(os, pidFile));
    }

    /**
     * §9 scenario 1: in an empty runtime root the first holder creates the runtime dir (0700) and a pid file whose
     * first line is its own pid, and a probe reports it alive.
     */
    @Test
    void firstHolderCreatesOwnerOnlyRuntimeDirAndPidFileAndProbeSeesIt() throws IOException {
        FakeOs runtime = FakeOs.posixWithRuntimeDir(tmp.resolve("rt"));
        Path pidFile = RuntimeDirs.ensure(runtime).resolve(PidFileNames.forStore(runtime, tmp.resolve("memtomem.db")));

        try (AcquireResult.Held held = hold(pidFile)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("rt"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pidFile)));
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readAllLines(pidFile).get(0));
            ServerState state = PidProbe.probe(runtime, pidFile);
            assertTrue(state.alive());
            assertEquals(held.pid(), state.pid());
            assertEquals(null, state.probeError());
        }
    }

    /** §9 scenario 2 (P): exactly three lines — pid, empty, timezone-aware ISO-8601 start time. */
    @Test
    void heldPidFileHasPidEmptyLineAndTimezoneAwareStartTime() throws IOException {
        Instant started = Instant.parse("2026-08-05T10:00:00.123456Z");
        Path pidFile = tmp.resolve("server.pid");

        try (AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(os, pidFile, started)) {
            List<String> lines = Files.readAllLines(pidFile);
            assertEquals(3, lines.size());
            assertEquals(String.valueOf(held.pid()), lines.get(0));
            assertEquals("", lines.get(1));
            assertEquals(started, OffsetDateTime.parse(lines.get(2)).toInstant());
            assertEquals(lines.get(2), held.started());
        }
    }

    /**
     * §9 scenario 3: a second acquire while the lock is held reports Contended with the holder's pid, and the holder's
     * pid file bytes are unchanged (opened without truncation, nothing written).
     */
    @Test
    void secondAcquireOnSameStoreReportsContendedAndLeavesHoldersPayload() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        try (AcquireResult.Held held = hold(pidFile)) {
            byte[] before = Files.readAllBytes(pidFile);

            AcquireResult second = PidLock.acquire(os, pidFile, Instant.EPOCH);

            assertEquals(new AcquireResult.Contended(pidFile, held.pid()), second);
            assertArrayEquals(before, Files.readAllBytes(pidFile));
            assertTrue(PidProbe.probe(os, pidFile).alive(), "the contender must not have released anything");
        }
    }

    /** §4.1: a stale file left by a crashed holder is reused — locked and rewritten, not refused. */
    @Test
    void staleFileIsReusedAndRewritten() throws IOException {
        Path pidFile = Files.writeString(tmp.resolve("server.pid"), "99999999\nstale-port\nold\nextra line\n");

        try (AcquireResult.Held held = hold(pidFile)) {
            assertEquals(PidPayload.format(held.pid(), OffsetDateTime.parse(held.started()).toInstant()),
                    Files.readString(pidFile));
        }
    }

    /**
     * §9 scenario 13 (POSIX): holder file non-empty, probe alive, and the one composite cleanup removes the pid file;
     * repeated cleanups are harmless.
     */
    @Test
    void cleanupDeletesPidFileAndIsIdempotent() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        AcquireResult.Held held = hold(pidFile);
        assertTrue(Files.size(pidFile) > 0);
        assertTrue(PidProbe.probe(os, pidFile).alive());

        held.cleanup();
        held.cleanup();
        held.close();

        assertFalse(Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS));
        assertFalse(PidProbe.probe(os, pidFile).alive());
    }

    /**
     * §4.1/§10.6: the TERM handler (cleanup, then halt) and the stdin-EOF path may call cleanup at the same time; the
     * second caller must return only after the first finished, or its halt would cut the cleanup short.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentCleanupCallerReturnsOnlyAfterCleanupFinished() throws Exception {
        Path pidFile = tmp.resolve("server.pid");
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch mayClose = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        FakeOs slowClose = os.withLockBackend(new ForwardingLockBackend(os.lockBackend()) {
            @Override
            LockableFile wrap(Path file, LockableFile opened) {
                return new ForwardingLockableFile(opened) {
                    @Override
                    public void close() {
                        closing.countDown();
                        try {
                            mayClose.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        delegate.close();
                        closed.set(true);
                    }
                };
            }
        });
        AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(slowClose, pidFile);
        Thread first = new Thread(held::cleanup);
        first.start();
        closing.await();
        AtomicBoolean closedWhenSecondReturned = new AtomicBoolean();
        Thread second = new Thread(() -> {
            held.cleanup();
            closedWhenSecondReturned.set(closed.get());
        });
        second.start();
        while (second.isAlive() && second.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }

        mayClose.countDown();
        first.join();
        second.join();

        assertTrue(closedWhenSecondReturned.get());
        assertFalse(Files.exists(pidFile, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * After cleanup the descriptor number may already belong to another open file; the released handle refuses every
     * operation up front instead of reading whatever now owns that number.
     */
    @Test
    void releasedHolderNoLongerReadsThroughItsOldDescriptor() throws IOException {
        AcquireResult.Held held = hold(tmp.resolve("server.pid"));
        held.cleanup();

        try (FileChannel unrelated = FileChannel.open(Files.writeString(tmp.resolve("unrelated"), "secret"))) {
            assertThrows(ClosedChannelException.class, held::readOwnPidFile);
        }
    }

    /** §4.3: POSIX cleanup never deletes a name that no longer points at the inode it holds (someone else's file). */
    @Test
    void cleanupLeavesAReplacementFileAlone() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        AcquireResult.Held held = hold(pidFile);
        Path replacement = Files.writeString(tmp.resolve("other"), "12345\n");
        Files.move(replacement, pidFile, StandardCopyOption.REPLACE_EXISTING);

        held.cleanup();

        assertEquals("12345\n", Files.readString(pidFile));
    }

    /**
     * §3.1/§4.3: a holder that deletes and then closes can leave a contender holding the lock on an orphaned inode; the
     * contender notices the name is gone and locks a fresh file instead of "holding" a file nobody can see.
     */
    @Test
    void lockOnAnUnlinkedInodeIsRetriedOnTheCurrentFile() throws IOException {
        Path pidFile = tmp.resolve("server.pid");
        FakeOs unlinksBeforeLocking = os.withLockBackend(new ForwardingLockBackend(os.lockBackend()) {
            private boolean first = true;

            @Override
            LockableFile wrap(Path file, LockableFile opened) throws IOException {
                if (first) {
                    first = false;
                    Files.delete(file);
                }
                return opened;
            }
        });

        try (AcquireResult.Held held = (AcquireResult.Held) PidLock.acquire(unlinksBeforeLocking, pidFile)) {
            assertEquals(String.valueOf(held.pid()), Files.readAllLines(pidFile).get(0));
            assertTrue(PidProbe.probe(os, pidFile).alive());
        }
    }

    /** §3.5/§10.4: the writer opens with O_NOFOLLOW, so a symlink at the pid path is an error, never followed. */
    @Test
    void symlinkAtPidPathIsNotFollowedByTheWriter() throws IOException {
        Path target = Files.writeString(tmp.resolve("victim"), "precious");
        Path pidFile = Files.createSymbolicLink(tmp.resolve("server.pid"), target);

        assertThrows(IOException.class, () -> PidLock.acquire(os, pidFile));
        assertEquals("precious", Files.readString(target));
    }

    /** §3.5: an unopenable pid path (a directory) is an exception, not a silent contention. */
    @Test
    void directoryAtPidPathIsAnError() throws IOException {
        Path pidFile = Files.createDirectory(tmp.resolve("server.pid"));

        assertThrows(IOException.class, () -> PidLock.acquire(os, pidFile));
    }

    /** §3.5: a FIFO squatting on the pid path is refused instead of being locked and "written". */
    @Test
    void fifoAtPidPathIsRefusedByTheWriter() throws Exception {
        Path fifo = tmp.resolve("server.pid");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        IOException refused = assertThrows(IOException.class, () -> PidLock.acquire(os, fifo));
        assertTrue(refused.getMessage().contains("not a regular file"));
    }

    /** §3.1 step 4: a lock call failing for a non-contention reason takes the contention branch (warn, run unlocked). */
    @Test
    void nonContentionLockErrorIsTreatedAsContention() throws IOException {
        Path pidFile = Files.writeString(tmp.resolve("server.pid"), "77\n");
        FakeOs failingLock = os.withLockBackend(ForwardingLockBackend.failingLocksWith(os.lockBackend(), new IOException("ENOLCK")));

        assertEquals(new AcquireResult.Contended(pidFile, 77L), PidLock.acquire(failingLock, pidFile));
        assertEquals("77\n", new String(Files.readAllBytes(pidFile), StandardCharsets.UTF_8));
    }
}
