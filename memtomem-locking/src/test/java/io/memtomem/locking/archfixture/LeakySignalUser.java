package io.memtomem.locking.archfixture;

import sun.misc.Signal;

/** Negative fixture (test sources only): POSIX signal handling outside the POSIX package. */
public final class LeakySignalUser {

    private LeakySignalUser() {
    }

    public static void ignoreHangups() {
        Signal.handle(new Signal("HUP"), signal -> { });
    }
}
