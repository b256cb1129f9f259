package io.memtomem.locking;

import java.io.IOException;
import java.util.Optional;

/** An open lock file (pid file or sidecar) on which a non-blocking lock can be attempted. */
public interface LockableFile extends AutoCloseable {

    /**
     * Attempts a non-blocking lock.
     *
     * @return {@code false} on contention (another descriptor or process holds a conflicting lock)
     * @throws IOException for every other failure; callers must never read it as "no holder"
     */
    boolean tryLock(LockMode mode) throws IOException;

    void unlock() throws IOException;

    /** Reads from offset 0 until EOF or {@code limit} bytes, without moving any shared position. */
    byte[] readUpTo(int limit) throws IOException;

    /** Truncates to zero and writes {@code content} from offset 0. Only legal while the exclusive lock is held. */
    void replaceContent(byte[] content) throws IOException;

    /**
     * {@code fstat} of the open descriptor. Empty where the platform cannot identify an open handle (Windows with
     * {@code FileChannel}); callers then rely on path identities alone.
     */
    Optional<OpenFileStatus> status() throws IOException;

    /** Releases the descriptor and with it any lock; never throws because no caller could act on a failure. */
    @Override
    void close();

    /** What {@code fstat} says about an open descriptor. */
    record OpenFileStatus(FileIdentity identity, boolean regularFile) {
    }
}
