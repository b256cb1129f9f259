package io.memtomem.locking;

import io.memtomem.locking.posix.PosixOs;
import io.memtomem.locking.windows.WindowsOs;
import java.util.Locale;

/** Lazy holder: the platform is detected on first use and never again. */
final class CurrentOs {

    static final Os INSTANCE = detect();

    private CurrentOs() {
    }

    private static Os detect() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return new WindowsOs(System.getenv());
        }
        return new PosixOs(System.getenv(), name.startsWith("mac"));
    }
}
