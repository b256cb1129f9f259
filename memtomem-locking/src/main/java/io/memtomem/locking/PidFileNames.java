package io.memtomem.locking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Pid file names. Each store gets its own {@code server-<digest>.pid}, a pre-open coordination key computed from the
 * database path exactly like the Python reference so mixed Java/Python fleets pick the same file.
 */
public final class PidFileNames {

    /** Fallback name when a store has no digest; still probed (fail closed) by every aggregate. */
    public static final String BARE_NAME = "server.pid";
    /** Directory-scan pattern for store-scoped names. */
    public static final String STORE_SCOPED_GLOB = "server-*.pid";

    private static final int DIGEST_HEX_CHARS = 16;

    private PidFileNames() {
    }

    /** {@link #forStore(Os, Path)} on the running platform. */
    public static String forStore(Path dbPath) {
        return forStore(Os.current(), dbPath);
    }

    /** {@code server-<16 hex>.pid}, or {@code server.pid} when no digest can be derived (also for {@code null}). */
    public static String forStore(Os os, Path dbPath) {
        return dbPath == null ? BARE_NAME : forStore(os, dbPath.toString());
    }

    /** Same for a raw configured value, which may be {@code :memory:} or a {@code file:} URI (not a Path on Windows). */
    public static String forStore(Os os, String rawDbPath) {
        return storeDigest(os, rawDbPath).map(digest -> "server-" + digest + ".pid").orElse(BARE_NAME);
    }

    /**
     * First 16 lower-case hex chars of SHA-256 over the UTF-8 of the expanded, absolute, non-strictly resolved and
     * {@code normcase}d path. Empty for {@code :memory:}, {@code file:} URIs and any resolution error (a loop, an
     * unreadable ancestor).
     */
    public static Optional<String> storeDigest(Os os, String rawDbPath) {
        if (rawDbPath == null || rawDbPath.equals(":memory:") || rawDbPath.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path resolved = PythonRealPath.of(Path.of(expandUser(os, rawDbPath)).toAbsolutePath());
            return Optional.of(sha256Hex(normcase(os, resolved.toString())).substring(0, DIGEST_HEX_CHARS));
        } catch (IOException | InvalidPathException unresolvable) {
            return Optional.empty();
        }
    }

    /** {@code ~/.memtomem/.server.pid}: pre-0.1.25 servers locked it; it is only probed, never created. */
    public static Path legacyPidFile(Path userHome) {
        return userHome.resolve(".memtomem").resolve(".server.pid");
    }

    private static String expandUser(Os os, String raw) {
        boolean homeOnly = raw.equals("~");
        boolean homePrefix = raw.startsWith("~/") || (os.isWindows() && raw.startsWith("~\\"));
        if (!homeOnly && !homePrefix) {
            return raw;
        }
        String home = UserHome.of(os).toString();
        return homeOnly ? home : home + raw.substring(1);
    }

    /** Python's {@code normcase}, plus lower-casing on macOS whose default volume ignores case. */
    private static String normcase(Os os, String path) {
        if (os.isWindows()) {
            return path.replace('/', '\\').toLowerCase(Locale.ROOT);
        }
        return os.isMacOs() ? path.toLowerCase(Locale.ROOT) : path;
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
