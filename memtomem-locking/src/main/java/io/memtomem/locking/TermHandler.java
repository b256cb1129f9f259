package io.memtomem.locking;

import io.memtomem.locking.posix.PosixTermSignal;

/** SIGTERM hook for a server that holds its pid lock (locking.md §4.2, §10.6). */
public final class TermHandler {

    private TermHandler() {
    }

    /**
     * On POSIX runs {@code onTerm} when SIGTERM arrives (the server deletes its pid file and halts with status 0). On
     * Windows registers nothing: there is no SIGTERM, and a handler that can never fire would mislead readers. Install
     * only after the lock is held; a contended server must keep the default action.
     */
    public static void installPosix(Os os, Runnable onTerm) {
        if (os.isWindows()) {
            return;
        }
        PosixTermSignal.install(onTerm);
    }
}
