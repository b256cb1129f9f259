package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The platform facts the locking code depends on. Decided once per process by {@link #current()}; tests inject
 * their own implementation so every Windows branch also runs on a Linux build machine.
 */
public interface Os {

    /** The running platform, detected once. */
    static Os current() {
        return CurrentOs.INSTANCE;
    }

    boolean isWindows();

    /** macOS lower-cases store paths before digesting them (its default file system is case-insensitive). */
    boolean isMacOs();

    /** Environment of this process; only consulted for the test override, home expansion and transition candidates. */
    Map<String, String> env();

    /** {@code geteuid()} on POSIX; the literal {@code 0} on Windows, which has no uid. */
    long effectiveUid();

    /**
     * The LocalAppData Known Folder (Windows only; never the environment, so server and CLI always agree).
     *
     * @throws UnsupportedOperationException on POSIX
     * @throws java.io.UncheckedIOException when the shell cannot report the folder
     */
    Path localAppDataFolder();

    /** Identity of the path itself (a final symlink is not followed). */
    FileIdentity fileIdentity(Path path) throws IOException;

    /** The platform lock primitive: {@code flock(2)} on POSIX, a byte-range lock on Windows. */
    LockBackend lockBackend();
}
