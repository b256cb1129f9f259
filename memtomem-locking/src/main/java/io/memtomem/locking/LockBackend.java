package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Path;

/** Opens lock files (pid files, memory-file sidecars) for locking with the platform primitive. */
public interface LockBackend {

    /**
     * Opens read+write, creating the file (0600 on POSIX) if missing. Never truncates (the file may belong to a live
     * holder) and never follows a final symlink.
     *
     * @throws IOException also when the path is not a regular file
     */
    LockableFile openForWriting(Path file) throws IOException;

    /**
     * Opens an existing file read+write (Windows refuses exclusive locks on read-only handles) without creating it,
     * following a final symlink or blocking on a FIFO.
     *
     * @throws java.nio.file.NoSuchFileException when the file vanished
     */
    LockableFile openForProbing(Path file) throws IOException;
}
