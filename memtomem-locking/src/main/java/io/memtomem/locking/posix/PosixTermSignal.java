package io.memtomem.locking.posix;

import sun.misc.Signal;

/**
 * SIGTERM handling. The JVM's default TERM action runs every shutdown hook and exits 143; the server instead wants
 * "remove my pid file, exit 0, skip the rest" (locking.md §4.2), which needs a real signal handler.
 */
public final class PosixTermSignal {

    private PosixTermSignal() {
    }

    public static void install(Runnable onTerm) {
        Signal.handle(new Signal("TERM"), signal -> onTerm.run());
    }
}
