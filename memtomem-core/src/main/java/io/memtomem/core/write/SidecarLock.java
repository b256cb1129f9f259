package io.memtomem.core.write;

import io.memtomem.core.MemtomemException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises everyone who writes or indexes one memory file: {@code <dir>/.<filename>.lock} locked with
 * {@link FileChannel#lock} keeps other processes out, and a {@link ReentrantLock} per file keeps other threads of this
 * JVM out (file locks belong to the whole JVM, and a second channel here would throw OverlappingFileLockException).
 * Re-entrant per thread, so an indexer called under a writer's lock may take it again. The sidecar is never deleted:
 * removing a lock file races with a process that has just opened it.
 */
public final class SidecarLock implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path realFile;
    private final ReentrantLock threadLock;
    private final FileChannel channel; // null when an outer acquire of this thread holds the file lock

    private SidecarLock(Path realFile, ReentrantLock threadLock, FileChannel channel) {
        this.realFile = realFile;
        this.threadLock = threadLock;
        this.channel = channel;
    }

    /**
     * Blocks until this thread holds the file's lock, at most {@link #TIMEOUT}. The file's directory must exist.
     *
     * @throws MemtomemException when the lock is still held elsewhere after the timeout
     */
    public static SidecarLock acquire(Path file) {
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
            return new SidecarLock(realFile, threadLock, lockSidecar(realFile, deadline));
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
            if (channel != null) {
                channel.close(); // releases the file lock
            }
        } catch (IOException e) {
            throw new MemtomemException("Cannot release the lock " + sidecarOf(realFile) + ": " + e.getMessage());
        } finally {
            threadLock.unlock();
        }
    }

    /** Polls {@code tryLock} rather than blocking in {@code lock()}, so a stuck process yields a clear timeout. */
    private static FileChannel lockSidecar(Path realFile, long deadline) {
        Path sidecar = sidecarOf(realFile);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(sidecar, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long pauseMillis = 1;
            while (true) {
                if (tryLock(channel) != null) {
                    return channel;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw busy(realFile);
                }
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 50);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MemtomemException("Cannot lock " + sidecar + ": " + e.getMessage()
                    + ": check that its directory is writable");
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new MemtomemException("Interrupted while waiting for the lock on " + realFile);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held through another channel of this JVM (code not using this class): wait like for a process
        }
    }

    private static MemtomemException busy(Path realFile) {
        return new MemtomemException("Timed out after " + TIMEOUT.toSeconds() + " s waiting for the lock on " + realFile
                + ": another memtomem process is writing or indexing it; retry when it has finished");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                // already failing; the original error is the one to report
            }
        }
    }
}
