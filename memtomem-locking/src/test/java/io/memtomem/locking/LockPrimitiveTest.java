package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.locking.testsupport.FakeOs;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the POSIX primitive ({@code flock(2)} per open file description) the rest of the module relies on. */
@SuppressWarnings("try") // locks are held by try-with-resources for their side effect alone
@PosixOnly
class LockPrimitiveTest {

    @TempDir
    Path tmp;

    private final LockBackend backend = FakeOs.posix().lockBackend();
    private Path file;

    @BeforeEach
    void lockFile() throws IOException {
        file = Files.writeString(tmp.resolve("lock"), "");
    }

    private LockableFile open() throws IOException {
        return backend.openForWriting(file);
    }

    /** §9 scenario 74: two shared locks on one file coexist, and an exclusive attempt fails while they are held. */
    @Test
    void twoSharedLocksCoexistAndExclusiveFailsWhileHeld() throws IOException {
        try (LockableFile first = open(); LockableFile second = open(); LockableFile exclusive = open()) {
            assertTrue(first.tryLock(LockMode.SHARED));
            assertTrue(second.tryLock(LockMode.SHARED));

            assertFalse(exclusive.tryLock(LockMode.EXCLUSIVE));
        }
    }

    /**
     * §9 scenario 75 semantics on the POSIX backend: a second handle of the same process is refused; exclusive and
     * shared contend in both directions; releasing one shared holder leaves the other fencing. (The Windows backend's
     * same-process refusal is in WindowsBranchesTest; the rest is only observable on a Windows runner.)
     */
    @Test
    void sameProcessSecondHandleAndSharedExclusiveContendInBothDirections() throws IOException {
        try (LockableFile holder = open(); LockableFile other = open()) {
            assertTrue(holder.tryLock(LockMode.EXCLUSIVE));
            assertFalse(other.tryLock(LockMode.EXCLUSIVE), "second handle, same process");
            assertFalse(other.tryLock(LockMode.SHARED), "shared against exclusive");
        }
        try (LockableFile shared = open(); LockableFile otherShared = open(); LockableFile exclusive = open()) {
            assertTrue(shared.tryLock(LockMode.SHARED));
            assertTrue(otherShared.tryLock(LockMode.SHARED));
            assertFalse(exclusive.tryLock(LockMode.EXCLUSIVE), "exclusive against shared");

            shared.unlock();
            assertFalse(exclusive.tryLock(LockMode.EXCLUSIVE), "the remaining shared holder still fences");
            otherShared.close();
            assertTrue(exclusive.tryLock(LockMode.EXCLUSIVE));
        }
    }

    /**
     * §10.3: the FileChannel hazard does not exist with flock — opening and closing other descriptors on the file in
     * this JVM (a FileChannel, a whole-file read, another libc fd) does not release the held lock.
     */
    @Test
    void closingOtherDescriptorsOnTheFileDoesNotReleaseTheLock() throws IOException {
        try (LockableFile holder = open()) {
            assertTrue(holder.tryLock(LockMode.EXCLUSIVE));

            FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
            Files.readAllBytes(file);
            open().close();

            try (LockableFile probe = open()) {
                assertFalse(probe.tryLock(LockMode.EXCLUSIVE));
            }
        }
    }

    /** Closing the holding descriptor releases the lock (what SIGKILL and process exit rely on). */
    @Test
    void closingTheHoldingDescriptorReleasesTheLock() throws IOException {
        LockableFile holder = open();
        assertTrue(holder.tryLock(LockMode.EXCLUSIVE));
        holder.close();

        try (LockableFile next = open()) {
            assertTrue(next.tryLock(LockMode.EXCLUSIVE));
        }
    }
}
