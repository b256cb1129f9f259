package io.memtomem.core.write;

import io.memtomem.locking.Os;
import io.memtomem.locking.testsupport.ChildProcess;
import io.memtomem.locking.testsupport.FakeOs;
import io.memtomem.locking.testsupport.PythonFlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@SuppressWarnings("try") // locks held for a block are never referenced in it
class SidecarLockTest {
    @TempDir
    Path dir;

    @Test
    void sidecarIsAHiddenLockFileNextToTheMemoryFile() {
        assertEquals(dir.resolve(".2026-03-30.md.lock"), SidecarLock.sidecarOf(dir.resolve("2026-03-30.md")));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "flock(2) is the POSIX primitive")
    void heldLockIsAFlockOnTheSidecarReleasedOnClose() throws Exception {
        Path file = dir.resolve("notes.md");
        try (SidecarLock lock = SidecarLock.acquire(file)) {
            assertTrue(SidecarProbe.heldElsewhere(file));
        }
        assertFalse(SidecarProbe.heldElsewhere(file));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "flock(2) is the POSIX primitive")
    void sameThreadMayAcquireAgainAndOnlyTheOutermostCloseReleases() throws Exception {
        Path file = dir.resolve("notes.md");
        try (SidecarLock outer = SidecarLock.acquire(file)) {
            try (SidecarLock inner = SidecarLock.acquire(file)) {
                assertTrue(SidecarProbe.heldElsewhere(file));
            }
            assertTrue(SidecarProbe.heldElsewhere(file));
        }
        assertFalse(SidecarProbe.heldElsewhere(file));
    }

    @Test
    void anotherThreadWaitsUntilTheHolderCloses() throws Exception {
        Path file = dir.resolve("notes.md");
        CountDownLatch acquired = new CountDownLatch(1);
        CompletableFuture<Void> other;
        try (SidecarLock held = SidecarLock.acquire(file)) {
            other = CompletableFuture.runAsync(() -> {
                try (SidecarLock lock = SidecarLock.acquire(file)) {
                    acquired.countDown();
                }
            });
            assertFalse(acquired.await(200, TimeUnit.MILLISECONDS), "second thread got the lock while it was held");
        }
        other.get(10, TimeUnit.SECONDS);
        assertEquals(0, acquired.getCount());
    }

    @Test
    void aSymlinkAndItsTargetShareOneLock() throws Exception {
        Path real = Files.createFile(dir.resolve("real.md"));
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
        try (SidecarLock viaLink = SidecarLock.acquire(link)) {
            CompletableFuture<Void> viaTarget = CompletableFuture.runAsync(() -> SidecarLock.acquire(real).close());
            assertThrows(TimeoutException.class, () -> viaTarget.get(200, TimeUnit.MILLISECONDS));
            assertFalse(viaTarget.isDone());
        }
    }

    /** #18.1: the Python memtomem takes the sidecar with portalocker, i.e. flock(2); a holder there must block us. */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "fcntl.flock exists only on POSIX")
    void pythonFlockHolderOnTheSidecarBlocksAcquireUntilItReleases() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        Path file = Files.createFile(dir.resolve("2026-03-30.md"));
        CompletableFuture<Void> ours;
        try (ChildProcess python = PythonFlock.hold(SidecarLock.sidecarOf(file), true, false)) {
            ours = CompletableFuture.runAsync(() -> SidecarLock.acquire(file).close());
            assertThrows(TimeoutException.class, () -> ours.get(500, TimeUnit.MILLISECONDS),
                    "acquired the sidecar while a Python flock holder had it");
        }
        ours.get(10, TimeUnit.SECONDS);
    }

    /** #18.1, the reverse: while we hold the sidecar, the Python memtomem's flock attempt is refused. */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "fcntl.flock exists only on POSIX")
    void heldSidecarRefusesAPythonFlockAttempt() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        Path file = Files.createFile(dir.resolve("2026-03-30.md"));
        try (SidecarLock held = SidecarLock.acquire(file)) {
            assertEquals("CONTENDED", PythonFlock.tryExclusive(SidecarLock.sidecarOf(file)));
        }
        assertEquals("ACQUIRED", PythonFlock.tryExclusive(SidecarLock.sidecarOf(file)));
    }

    /** The sidecar of the resolved file, as the reference's memory_lock_path: a link's sidecar is the target's. */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "fcntl.flock exists only on POSIX")
    void aLinkedFileIsLockedThroughItsTargetsSidecar() throws Exception {
        assumeTrue(PythonFlock.available(), PythonFlock.MISSING);
        Path targetDir = Files.createDirectory(dir.resolve("target"));
        Path real = Files.createFile(targetDir.resolve("real.md"));
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);
        try (SidecarLock held = SidecarLock.acquire(link)) {
            assertEquals("CONTENDED", PythonFlock.tryExclusive(SidecarLock.sidecarOf(real)));
            assertFalse(Files.exists(SidecarLock.sidecarOf(link)), "a sidecar next to the link locks nobody out");
        }
    }

    /**
     * On Windows the sidecar is locked like portalocker's msvcrt backend does: bytes [0, 64 KiB), which is what
     * interlocks with it. Runs here through the injected Windows OS (the FileChannel backend behaves alike).
     */
    @Test
    void onWindowsTheSidecarIsLockedOnPortalockersByteRange() throws Exception {
        Os windows = FakeOs.windows(dir.resolve("LocalAppData"));
        Path file = dir.resolve("notes.md");
        try (SidecarLock lock = SidecarLock.acquire(windows, file);
             FileChannel other = FileChannel.open(SidecarLock.sidecarOf(file), StandardOpenOption.WRITE)) {
            assertThrows(OverlappingFileLockException.class, () -> other.tryLock(0, 1, false));
            assertThrows(OverlappingFileLockException.class, () -> other.tryLock(65535, 1, false));
            FileLock past = other.tryLock(65536, 1, false);
            assertNotNull(past, "bytes past the 64 KiB range are not locked");
            past.release();
        }
    }
}
