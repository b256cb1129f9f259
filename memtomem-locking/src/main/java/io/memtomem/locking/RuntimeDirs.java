package io.memtomem.locking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime directory that holds pid files. Its location ignores TMPDIR, XDG_RUNTIME_DIR and friends so a server and
 * a CLI started with different environments still meet (locking.md §1.2).
 */
public final class RuntimeDirs {

    /** Test-only override of the runtime dir; honoured only together with {@link #TEST_MODE_ENV}{@code =1}. */
    public static final String TEST_RUNTIME_DIR_ENV = "_MEMTOMEM_TEST_RUNTIME_DIR";
    /** Second marker so the override can never turn into a production knob by accident. */
    public static final String TEST_MODE_ENV = "_MEMTOMEM_TEST_MODE";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final int GROUP_OTHER_BITS = 077;
    private static final int WARNING_REASON_LIMIT = 120;

    private RuntimeDirs() {
    }

    public enum Presence { ABSENT, PRESENT }

    /** The validated candidate directories, plus one note per speculative directory that had to be skipped. */
    public record UsableDirs(List<Path> dirs, List<String> skipped) {

        public UsableDirs {
            dirs = List.copyOf(dirs);
            skipped = List.copyOf(skipped);
        }

        /** e.g. {@code skipped: /run/user/1000/memtomem (symlink)}; empty when nothing was skipped. */
        public Optional<String> warning() {
            return skipped.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", skipped));
        }
    }

    /** POSIX {@code /tmp/memtomem-<euid>}; Windows {@code <LocalAppData Known Folder>\Temp\memtomem-0}. Pure. */
    public static Path canonical(Os os) {
        Optional<Path> override = testOverride(os);
        if (override.isPresent()) {
            return override.get();
        }
        if (os.isWindows()) {
            return os.localAppDataFolder().resolve("Temp").resolve("memtomem-0");
        }
        return Path.of("/tmp", "memtomem-" + os.effectiveUid());
    }

    /**
     * Returns the canonical directory, creating only its leaf (0700, then an explicit chmod to defeat exotic umasks)
     * when it is absent. An existing directory is validated and never repaired.
     *
     * @throws RuntimeDirRefusedException when what exists is not safe
     * @throws UncheckedIOException when the leaf cannot be created (e.g. its parent is missing)
     */
    public static Path ensure(Os os) throws RuntimeDirRefusedException {
        return ensureDir(os, canonical(os));
    }

    /** {@link #ensure} for {@code dir} (the runtime dir or one of its sub-directories): same checks, same mode. */
    static Path ensureDir(Os os, Path dir) throws RuntimeDirRefusedException {
        while (validate(os, dir) == Presence.ABSENT) {
            try {
                create(os, dir);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: validate whatever is there now
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the memtomem runtime directory " + dir, e);
            }
        }
        return dir;
    }

    /**
     * Checks the leaf only (ancestors may be links, e.g. macOS {@code /tmp}), without following it.
     *
     * @return {@link Presence#ABSENT} when nothing exists at {@code dir}
     */
    public static Presence validate(Os os, Path dir) throws RuntimeDirRefusedException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return Presence.ABSENT;
        } catch (IOException e) {
            throw RuntimeDirRefusedException.cannotStat(os, dir, e);
        }
        if (attributes.isSymbolicLink()) {
            throw RuntimeDirRefusedException.symlink(os, dir);
        }
        if (PathKinds.isJunction(attributes)) {
            throw RuntimeDirRefusedException.junction(os, dir);
        }
        if (!attributes.isDirectory()) {
            throw RuntimeDirRefusedException.notDirectory(os, dir);
        }
        if (!os.isWindows()) {
            // NTFS synthesises mode bits, so owner and mode are POSIX-only checks (checking them on Windows made the
            // second start refuse the directory the first one created)
            validateOwnerAndMode(os, dir);
        }
        return Presence.PRESENT;
    }

    /**
     * Directories probes look in, canonical first: then where seed-era Python servers put pid files (safe
     * {@code $XDG_RUNTIME_DIR/memtomem}, else {@code <tempdir>/memtomem-<uid>}), {@code <tempdir>/memtomem-<uid>}
     * and a safe {@code /run/user/<uid>/memtomem}. Never creates anything; writers only use {@link #canonical}.
     *
     * @throws UncheckedIOException when the canonical location itself cannot be determined
     */
    public static List<Path> candidates(Os os) {
        Optional<Path> override = testOverride(os);
        if (override.isPresent()) {
            return List.of(override.get());
        }
        String uid = Long.toString(os.effectiveUid());
        Path seedTempDir = PythonTempDir.of(os).resolve("memtomem-" + uid);
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(canonical(os));
        dirs.add(seedStyle(os, seedTempDir));
        dirs.add(seedTempDir);
        if (!os.isWindows()) {
            Path runUser = Path.of("/run/user", uid);
            if (isSafeBase(os, runUser)) {
                dirs.add(runUser.resolve("memtomem"));
            }
        }
        return List.copyOf(dirs);
    }

    /**
     * Validates every candidate. Absent ones are left out; a refused speculative one is skipped with a scrubbed note.
     *
     * @throws RuntimeDirRefusedException when the canonical directory is refused (callers must fail closed)
     * @throws UncheckedIOException when the candidate list cannot be computed
     */
    public static UsableDirs usable(Os os) throws RuntimeDirRefusedException {
        List<Path> candidates = candidates(os);
        List<Path> dirs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path candidate : candidates) {
            try {
                if (validate(os, candidate) == Presence.PRESENT) {
                    dirs.add(candidate);
                }
            } catch (RuntimeDirRefusedException refused) {
                if (candidate.equals(candidates.get(0))) {
                    throw refused;
                }
                skipped.add("skipped: " + TerminalText.scrub(os, candidate) + " ("
                        + TerminalText.truncate(refused.shortReason(), WARNING_REASON_LIMIT) + ")");
            }
        }
        return new UsableDirs(dirs, skipped);
    }

    private static Optional<Path> testOverride(Os os) {
        Map<String, String> env = os.env();
        String dir = env.get(TEST_RUNTIME_DIR_ENV);
        if ("1".equals(env.get(TEST_MODE_ENV)) && UserHome.nonEmpty(dir)) {
            return Optional.of(Path.of(dir).toAbsolutePath());
        }
        return Optional.empty();
    }

    private static void create(Os os, Path dir) throws IOException {
        if (os.isWindows()) {
            Files.createDirectory(dir);
            return;
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            // mkdir's mode is filtered by the umask (0177 would leave 0600); validation refuses if this fails
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } catch (IOException ignored) {
            // the next validation pass reports the directory as unsafe instead
        }
    }

    private static void validateOwnerAndMode(Os os, Path dir) throws RuntimeDirRefusedException {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(dir, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw RuntimeDirRefusedException.cannotStat(os, dir, e);
        }
        long owner = Integer.toUnsignedLong((Integer) unix.get("uid"));
        long expected = os.effectiveUid();
        if (owner != expected) {
            throw RuntimeDirRefusedException.wrongOwner(os, dir, owner, ownerName(dir), expected);
        }
        int mode = (Integer) unix.get("mode");
        if ((mode & GROUP_OTHER_BITS) != 0) {
            throw RuntimeDirRefusedException.unsafePermissions(os, dir, mode);
        }
    }

    /** The owner's user name for messages; null when the platform cannot tell. */
    private static String ownerName(Path dir) {
        try {
            return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | UnsupportedOperationException unknown) {
            return null;
        }
    }

    /** Seed-era location: a safe {@code $XDG_RUNTIME_DIR/memtomem} (POSIX only), else the temp-dir form. */
    private static Path seedStyle(Os os, Path seedTempDir) {
        String xdg = os.env().get("XDG_RUNTIME_DIR");
        if (os.isWindows() || !UserHome.nonEmpty(xdg)) {
            return seedTempDir;
        }
        try {
            Path base = Path.of(xdg).toAbsolutePath();
            return isSafeBase(os, base) ? base.resolve("memtomem") : seedTempDir;
        } catch (InvalidPathException unusable) {
            return seedTempDir;
        }
    }

    /** The seed's gate for XDG-like bases: a real directory (no link), owned by us, no group/other access. */
    private static boolean isSafeBase(Os os, Path base) {
        try {
            Map<String, Object> unix = Files.readAttributes(base, "unix:uid,mode,isDirectory",
                    LinkOption.NOFOLLOW_LINKS);
            return (Boolean) unix.get("isDirectory")
                    && ((Integer) unix.get("mode") & GROUP_OTHER_BITS) == 0
                    && Integer.toUnsignedLong((Integer) unix.get("uid")) == os.effectiveUid();
        } catch (IOException | UnsupportedOperationException unsafe) {
            return false;
        }
    }
}
