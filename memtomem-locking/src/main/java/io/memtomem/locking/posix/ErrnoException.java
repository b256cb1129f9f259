package io.memtomem.locking.posix;

import java.nio.file.FileSystemException;

/** A failed libc call, keeping errno so callers can tell contention from real errors. */
public final class ErrnoException extends FileSystemException {

    private final int errno;

    ErrnoException(String operation, String file, int errno, String detail) {
        super(file, null, operation + " failed: " + detail);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
