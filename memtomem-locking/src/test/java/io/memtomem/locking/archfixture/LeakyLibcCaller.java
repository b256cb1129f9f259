package io.memtomem.locking.archfixture;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Negative fixture (test sources only): a class outside the POSIX package binding libc itself. The architecture rule
 * must reject it, proving the rule can fail.
 */
public final class LeakyLibcCaller {

    private LeakyLibcCaller() {
    }

    interface Libc extends Library {
        int getpid();
    }

    public static int pid() {
        return Native.load("c", Libc.class).getpid();
    }
}
