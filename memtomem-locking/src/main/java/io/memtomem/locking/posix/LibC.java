package io.memtomem.locking.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls the lock needs. Loaded on first use (JNA initialisation costs ~60 ms, which must stay off the MCP
 * start path and never happen on Windows). Paths are passed as NUL-terminated file-system bytes.
 */
interface LibC extends Library {

    /** {@code open} is variadic; JNA's varargs mapping passes {@code mode} correctly on every ABI (Apple Silicon). */
    int open(byte[] path, int flags, Object... mode) throws LastErrorException;

    int flock(int fd, int operation) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    long pread(int fd, Pointer buffer, long count, long offset) throws LastErrorException;

    long pwrite(int fd, Pointer buffer, long count, long offset) throws LastErrorException;

    int ftruncate(int fd, long length) throws LastErrorException;

    int geteuid();

    static LibC get() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final LibC INSTANCE = Native.load("c", LibC.class);

        private Holder() {
        }
    }
}
