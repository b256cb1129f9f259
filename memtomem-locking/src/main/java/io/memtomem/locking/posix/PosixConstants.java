package io.memtomem.locking.posix;

import com.sun.jna.Platform;

/**
 * {@code open(2)} flags and errno values. They are not portable: O_NOFOLLOW differs between Linux x86-64 and arm64,
 * and O_NONBLOCK, O_CREAT, O_NOFOLLOW, O_CLOEXEC and EWOULDBLOCK all differ on Darwin. Only platforms whose values were
 * checked against the system headers are accepted; anything else fails loudly instead of opening with wrong flags.
 */
record PosixConstants(int oCreat, int oNonblock, int oNofollow, int oCloexec, int eWouldBlock) {

    static final int O_RDWR = 2;
    static final int LOCK_SH = 1;
    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;
    static final int LOCK_UN = 8;
    static final int ENOENT = 2;
    static final int EACCES = 13;

    static PosixConstants forRunningPlatform() {
        if (Platform.isMac()) {
            return new PosixConstants(0x200, 0x4, 0x100, 0x1000000, 35);
        }
        if (Platform.isLinux()) {
            switch (Platform.ARCH) {
                case "x86-64":
                case "riscv64":
                    return new PosixConstants(0100, 04000, 0400000, 02000000, 11);
                case "aarch64":
                    return new PosixConstants(0100, 04000, 0100000, 02000000, 11);
                default:
                    break;
            }
        }
        throw new UnsupportedOperationException("memtomem-locking has no verified open(2) flag values for "
                + System.getProperty("os.name") + "/" + Platform.ARCH);
    }

    int writerFlags() {
        return O_RDWR | oCreat | oNofollow | oCloexec;
    }

    int probeFlags() {
        return O_RDWR | oNofollow | oNonblock | oCloexec;
    }

    /** flock(2) reports contention as EWOULDBLOCK (= EAGAIN); some systems use EACCES. */
    boolean isContention(int errno) {
        return errno == eWouldBlock || errno == EACCES;
    }
}
