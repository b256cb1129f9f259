package io.memtomem.it;

import java.util.Locale;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** OS facts the scenarios branch on, and the skips (with their reasons) for POSIX-only and Windows-only behaviour. */
final class Platform {
    static final boolean WINDOWS = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

    private Platform() {
    }

    /** SIGTERM, SIGKILL and flock are POSIX notions; Windows has neither signals nor advisory whole-file locks. */
    static void assumePosix(String why) {
        assumeFalse(WINDOWS, "POSIX-only: " + why);
    }

    static void assumeWindows(String why) {
        assumeTrue(WINDOWS, "Windows-only: " + why);
    }
}
