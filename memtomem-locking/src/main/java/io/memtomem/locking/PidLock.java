package io.memtomem.locking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Takes the single-instance lock on a pid file (locking.md §3). */
public final class PidLock {

    /** A departing holder deletes then unlocks; we may have locked its orphaned inode. Retry a few times, no more. */
    private static final int MAX_ATTEMPTS = 3;

    private PidLock() {
    }

    /** {@link #acquire(Os, Path, Instant)} stamped with this process's start time. */
    public static AcquireResult acquire(Os os, Path pidFile) throws IOException {
        Instant processStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        return acquire(os, pidFile, processStart);
    }

    /**
     * Opens without truncating (the file may be a live holder's), then tries a non-blocking exclusive lock; only once
     * it is held are the contents replaced by {@link PidPayload#format}.
     *
     * @throws IOException when the pid path cannot be opened (a directory, a symlink, permission denied)
     */
    public static AcquireResult acquire(Os os, Path pidFile, Instant started) throws IOException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            LockableFile file = os.lockBackend().openForWriting(pidFile);
            if (!tryLockTreatingErrorsAsContention(file)) {
                Long holderPid = readHolderPid(file);
                file.close();
                return new AcquireResult.Contended(pidFile, holderPid);
            }
            if (lockedFileIsStillNamed(os, pidFile, file)) {
                return hold(os, pidFile, file, started);
            }
            file.close();
        }
        return new AcquireResult.Contended(pidFile, null);
    }

    /** False when the name was unlinked or replaced since we opened it; true when the platform cannot tell (Windows). */
    static boolean pathNamesOpenFile(Os os, Path pidFile, LockableFile file) throws IOException {
        Optional<LockableFile.OpenFileStatus> status = file.status();
        if (status.isEmpty()) {
            return true;
        }
        try {
            return status.get().identity().equals(os.fileIdentity(pidFile));
        } catch (NoSuchFileException unlinked) {
            return false;
        }
    }

    private static boolean lockedFileIsStillNamed(Os os, Path pidFile, LockableFile file) throws IOException {
        try {
            return pathNamesOpenFile(os, pidFile, file);
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    private static AcquireResult.Held hold(Os os, Path pidFile, LockableFile file, Instant started)
            throws IOException {
        long pid = ProcessHandle.current().pid();
        try {
            file.replaceContent(PidPayload.format(pid, started).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return new AcquireResult.Held(os, pidFile, file, pid, PidPayload.formatStarted(started));
    }

    /** Any lock-call error (ENOLCK, NFS) takes the contention branch: the server warns and runs unlocked. */
    private static boolean tryLockTreatingErrorsAsContention(LockableFile file) {
        try {
            return file.tryLock(LockMode.EXCLUSIVE);
        } catch (IOException lockError) {
            return false;
        }
    }

    private static Long readHolderPid(LockableFile file) {
        try {
            return PidPayload.parse(file.readUpTo(PidPayload.MAX_BYTES + 1)).map(PidPayload.Parsed::pid).orElse(null);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
