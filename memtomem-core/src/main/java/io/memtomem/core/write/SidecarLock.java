package io.memtomem.core.write;

import io.memtomem.core.MemtomemException;
import io.memtomem.locking.LockFiles;
import io.memtomem.locking.LockMode;
import io.memtomem.locking.LockableFile;
import io.memtomem.locking.Os;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises everyone who writes or indexes one memory file: {@code <dir>/.<filename>.lock} of the resolved file,
 * locked with the platform primitive the Python memtomem's portalocker uses ({@code flock(2)} on POSIX, a byte-range
 * lock on [0, 64 KiB) on Windows), keeps other processes out, Python ones included; a {@link ReentrantLock} per file
 * keeps other threads of this JVM out without spinning on the file. Re-entrant per thread, so an indexer called under a
 * writer's lock may take it again. The sidecar is never deleted: removing a lock file races with a process that has
 * just opened it.
 */
public final class SidecarLock implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path realFile;
    private final ReentrantLock threadLock;
    private final LockableFile sidecar; // null when an outer acquire of this thread holds the file lock

    private SidecarLock(Path realFile, ReentrantLock threadLock, LockableFile sidecar) {
        this.realFile = realFile;
        this.threadLock = threadLock;
        this.sidecar = sidecar;
    }

    /**
     * Blocks until this thread holds the file's lock, at most {@link #TIMEOUT}. The file's directory must exist.
     *
     * @throws MemtomemException when the lock is still held elsewhere after the timeout
     */
    public static SidecarLock acquire(Path file) {
        return acquire(Os.current(), file);
    }

    /** {@link #acquire(Path)} with the platform's lock primitive taken from {@code os}. */
    static SidecarLock acquire(Os os, Path file) {
        Path realFile = MemoryPaths.realLocation(file); // aliases of one file must share one lock
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(realFile, key -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(realFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemtomemException("Interrupted while waiting for the lock on " + realFile);
        }
        if (threadLock.getHoldCount() > 1) {
            return new SidecarLock(realFile, threadLock, null);
        }
        try {
            return new SidecarLock(realFile, threadLock, lockSidecar(os, realFile, deadline));
        } catch (RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    public static Path sidecarOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    @Override
    public void close() {
        try {
            if (sidecar != null) {
                sidecar.close(); // closing the descriptor releases the file lock
            }
        } finally {
            threadLock.unlock();
        }
    }

    /** Polls rather than blocking in the kernel, so a stuck process yields a clear timeout. */
    private static LockableFile lockSidecar(Os os, Path realFile, long deadline) {
        Path path = sidecarOf(realFile);
        try {
            return LockFiles.lockBefore(os, path, LockMode.EXCLUSIVE, deadline).orElseThrow(() -> busy(realFile));
        } catch (InterruptedIOException e) {
            throw new MemtomemException("Interrupted while waiting for the lock on " + realFile);
        } catch (IOException e) {
            throw new MemtomemException("Cannot lock " + path + ": " + e.getMessage()
                    + ": check that its directory is writable");
        }
    }

    private static MemtomemException busy(Path realFile) {
        return new MemtomemException("Timed out after " + TIMEOUT.toSeconds() + " s waiting for the lock on " + realFile
                + ": another memtomem process is writing or indexing it; retry when it has finished");
    }
}
