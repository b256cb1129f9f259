package io.memtomem.locking;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Takes a lock file (memory-file sidecar, lifecycle barrier, registry lock) within a deadline by polling the
 * non-blocking lock, so a stuck holder yields a clear answer instead of a hang.
 */
public final class LockFiles {
    /** Short: a Python writer that re-takes a sidecar in a tight loop would otherwise starve a slow poller. */
    private static final long MAX_PAUSE_MILLIS = 10;

    private LockFiles() {
    }

    /**
     * Opens {@code file} read+write (creating it 0600 if missing, never following a final symlink) and locks it.
     *
     * @param deadline a {@link System#nanoTime} value
     * @return empty when another holder kept a conflicting lock until {@code deadline}
     * @throws InterruptedIOException when the thread is interrupted while waiting (its flag is set again)
     */
    public static Optional<LockableFile> lockBefore(Os os, Path file, LockMode mode, long deadline)
            throws IOException {
        LockableFile opened = os.lockBackend().openForWriting(file);
        try {
            long pause = 1;
            while (!opened.tryLock(mode)) {
                if (System.nanoTime() - deadline > 0) {
                    opened.close();
                    return Optional.empty();
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
            return Optional.of(opened);
        } catch (InterruptedException e) {
            opened.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lock on " + file);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }
}
