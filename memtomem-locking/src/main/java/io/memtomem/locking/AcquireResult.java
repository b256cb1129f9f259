package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Outcome of {@link PidLock#acquire}. */
public sealed interface AcquireResult permits AcquireResult.Held, AcquireResult.Contended {

    Path pidFile();

    /**
     * Another holder owns the lock (or the lock call failed, which is treated the same way: warn and run unlocked).
     * Nothing was written, truncated or deleted and no handle is kept.
     *
     * @param holderPid advisory pid from the holder's payload; {@code null} when unreadable (always on Windows)
     */
    record Contended(Path pidFile, Long holderPid) implements AcquireResult {
    }

    /** The lock is ours until {@link #cleanup()}; the descriptor stays open for the process lifetime. */
    final class Held implements AcquireResult, AutoCloseable {

        private final Os os;
        private final Path pidFile;
        private final LockableFile file;
        private final long pid;
        private final String started;
        private boolean released;

        Held(Os os, Path pidFile, LockableFile file, long pid, String started) {
            this.os = os;
            this.pidFile = pidFile;
            this.file = file;
            this.pid = pid;
            this.started = started;
        }

        @Override
        public Path pidFile() {
            return pidFile;
        }

        public long pid() {
            return pid;
        }

        /** The start time written to line 3 of the payload. */
        public String started() {
            return started;
        }

        /** The payload read through the locking handle, the only handle Windows lets read a locked file. */
        public byte[] readOwnPidFile() throws IOException {
            return file.readUpTo(PidPayload.MAX_BYTES + 1);
        }

        /**
         * The one exit action, ordered per platform. POSIX deletes while still holding the lock, so the name removed is
         * provably ours (closing first would let a successor lock the file and then lose it to our delete). Windows
         * closes first because NTFS will not delete a file with an open locked handle. Idempotent; never throws.
         * Synchronized so that every caller returns only once the work is done: a SIGTERM handler that halts right after
         * calling this must not cut short a cleanup already running on the main thread (stdin EOF).
         */
        public synchronized void cleanup() {
            if (released) {
                return;
            }
            released = true;
            if (os.isWindows()) {
                file.close();
                deleteQuietly();
            } else {
                try {
                    if (pathStillNamesLockedFile()) {
                        deleteQuietly();
                    }
                } finally {
                    file.close();
                }
            }
        }

        /** Same as {@link #cleanup()}. */
        @Override
        public void close() {
            cleanup();
        }

        private boolean pathStillNamesLockedFile() {
            try {
                return PidLock.pathNamesOpenFile(os, pidFile, file);
            } catch (IOException | RuntimeException unknown) {
                return false;
            }
        }

        private void deleteQuietly() {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException | RuntimeException ignored) {
                // exit path: a leftover file is harmless, probes decide by the lock
            }
        }
    }
}
