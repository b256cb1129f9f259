package io.memtomem.core.write;

import org.junit.jupiter.api.Test;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("try") // locks held for a block are never referenced in it
class SidecarLockTest {
    @TempDir
    Path dir;

    @Test
    void sidecarIsAHiddenLockFileNextToTheMemoryFile() {
        assertEquals(dir.resolve(".2026-03-30.md.lock"), SidecarLock.sidecarOf(dir.resolve("2026-03-30.md")));
    }

    @Test
    void heldLockIsAnOsFileLockOnTheSidecarReleasedOnClose() throws Exception {
        Path file = dir.resolve("notes.md");
        try (SidecarLock lock = SidecarLock.acquire(file)) {
            assertTrue(fileLockHeldInThisJvm(file));
        }
        assertFalse(fileLockHeldInThisJvm(file));
    }

    @Test
    void sameThreadMayAcquireAgainAndOnlyTheOutermostCloseReleases() throws Exception {
        Path file = dir.resolve("notes.md");
        try (SidecarLock outer = SidecarLock.acquire(file)) {
            try (SidecarLock inner = SidecarLock.acquire(file)) {
                assertTrue(fileLockHeldInThisJvm(file));
            }
            assertTrue(fileLockHeldInThisJvm(file));
        }
        assertFalse(fileLockHeldInThisJvm(file));
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

    /** A second channel in the same JVM throws while any channel of this JVM holds the lock. */
    private static boolean fileLockHeldInThisJvm(Path file) throws Exception {
        try (FileChannel channel = FileChannel.open(SidecarLock.sidecarOf(file), StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
