package io.memtomem.locking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's instance registry (locking.md §1.6, §3.3 step 8, §7.3): every server that opened a store keeps an
 * exclusive lock on its own sentinel {@code <runtime dir>/instances/<pid>-<ppid>-<digest16>-<procid8>-<nonce8>.lock}
 * until its storage closes or the process dies. The digest names the store by its database file's
 * {@code "<st_dev>:<st_ino>"}, so every spelling of the path agrees. Same names and primitive as the Python memtomem:
 * its {@code mm uninstall} and {@code mem_status} see our servers and ours see its.
 */
public final class InstanceRegistry {
    public static final String DIR_NAME = "instances";
    /** Held while sentinels are created or pruned; never deleted. */
    public static final String MUTATION_LOCK = "instances.registry.lock";

    private static final Pattern SENTINEL =
            Pattern.compile("(\\d+)-(\\d+)-([0-9a-f]{16})-([0-9a-f]{8})-([0-9a-f]{8})\\.lock");
    private static final int DIGEST_HEX_CHARS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Groups the registrations of this process: pids can be reused, this id is not. */
    private static final String PROCESS_ID = randomHex8();

    private InstanceRegistry() {
    }

    /** A live registered server: the pids are advisory, {@code processId} tells processes apart. */
    public record Instance(long pid, long ppid, String storeDigest, String processId, Path sentinel) {
    }

    /** NONE: nothing live. LIVE: a held sentinel. UNKNOWN: could not tell (retry). UNTRUSTED: a redirected path. */
    public enum Verdict { NONE, LIVE, UNKNOWN, UNTRUSTED }

    /**
     * What the registry says about every store.
     *
     * @param problemPath the path behind UNKNOWN/UNTRUSTED, else {@code null}
     * @param problem     what is wrong with it, else {@code null}
     */
    public record Enumeration(Verdict verdict, List<Instance> live, Path problemPath, String problem) {
        public Enumeration {
            live = List.copyOf(live);
        }

        /** The live servers of the store with {@code digest}, one per process. */
        public List<Instance> serving(String digest) {
            List<Instance> serving = new ArrayList<>();
            for (Instance instance : live) {
                if (instance.storeDigest().equals(digest)
                        && serving.stream().noneMatch(seen -> seen.processId().equals(instance.processId()))) {
                    serving.add(instance);
                }
            }
            return serving;
        }
    }

    /** The registry's name for the store whose database is {@code dbPath}; empty while the database does not exist. */
    public static Optional<String> storeDigest(Os os, Path dbPath) {
        try {
            FileIdentity id = os.fileIdentity(dbPath.toRealPath());
            String key = os.isWindows()
                    ? Long.toUnsignedString(id.device()) + ":" + new BigInteger(Long.toUnsignedString(id.fileIdHigh()))
                            .shiftLeft(64).add(new BigInteger(Long.toUnsignedString(id.fileIdLow())))
                    : Long.toUnsignedString(id.device()) + ":" + Long.toUnsignedString(id.fileIdLow());
            return Optional.of(PidFileNames.sha256Hex(key).substring(0, DIGEST_HEX_CHARS));
        } catch (IOException | RuntimeException absentOrUnreadable) {
            return Optional.empty();
        }
    }

    /**
     * Registers this process as serving the store at {@code dbPath} (which must exist), pruning sentinels of dead
     * servers on the way.
     *
     * @throws IOException when the runtime dir or the registry cannot be used; the caller degrades, never fails
     */
    public static Registration register(Os os, Path dbPath) throws IOException {
        String digest = storeDigest(os, dbPath).orElseThrow(() -> new NoSuchFileException(dbPath.toString(), null,
                "the database must exist before its server registers"));
        Path runtime = RuntimeDirs.ensure(os);
        Path dir = RuntimeDirs.ensureDir(os, runtime.resolve(DIR_NAME));
        long deadline = System.nanoTime() + LifecycleBarrier.BUDGET.toNanos();
        LockableFile mutation = LockFiles.lockBefore(os, runtime.resolve(MUTATION_LOCK), LockMode.EXCLUSIVE, deadline)
                .orElseThrow(() -> new IOException("the instance registry stayed busy for "
                        + LifecycleBarrier.BUDGET.toSeconds() + " s"));
        try {
            pruneDead(os, dir);
            long ppid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
            Path sentinel = dir.resolve(ProcessHandle.current().pid() + "-" + ppid + "-" + digest + "-" + PROCESS_ID
                    + "-" + randomHex8() + ".lock");
            LockableFile file = os.lockBackend().openForWriting(sentinel);
            if (!file.tryLock(LockMode.EXCLUSIVE)) {
                file.close();
                throw new IOException("the new registry sentinel " + sentinel + " is locked by someone else");
            }
            return new Registration(os, sentinel, file);
        } finally {
            mutation.close();
        }
    }

    /**
     * Every live registered server of every store, in every runtime dir that validates. Never creates anything; fails
     * closed (UNKNOWN, UNTRUSTED) whenever it cannot tell.
     */
    public static Enumeration enumerate(Os os) {
        List<Path> runtimeDirs;
        try {
            runtimeDirs = RuntimeDirs.usable(os).dirs();
        } catch (RuntimeDirRefusedException refused) {
            return new Enumeration(Verdict.UNTRUSTED, List.of(), refused.target(), refused.shortReason());
        } catch (UncheckedIOException e) {
            return new Enumeration(Verdict.UNKNOWN, List.of(), null, VerifiedPidFile.describe(e.getCause()));
        }
        List<Instance> live = new ArrayList<>();
        Enumeration unknown = null;
        for (Path runtime : runtimeDirs) {
            Path dir = runtime.resolve(DIR_NAME);
            try {
                if (RuntimeDirs.validate(os, dir) == RuntimeDirs.Presence.ABSENT) {
                    continue;
                }
            } catch (RuntimeDirRefusedException refused) {
                if (refused.reason() != RuntimeDirRefusedException.Reason.CANNOT_STAT) {
                    return new Enumeration(Verdict.UNTRUSTED, live, dir, refused.shortReason());
                }
                unknown = new Enumeration(Verdict.UNKNOWN, List.of(), dir, refused.shortReason());
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    Matcher name = SENTINEL.matcher(entry.getFileName().toString());
                    if (!name.matches()) {
                        continue;
                    }
                    Optional<Enumeration> problem = probe(os, entry, name, live);
                    if (problem.isPresent() && problem.get().verdict() == Verdict.UNTRUSTED) {
                        return new Enumeration(Verdict.UNTRUSTED, live, entry, problem.get().problem());
                    }
                    if (problem.isPresent()) {
                        unknown = problem.get();
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                unknown = new Enumeration(Verdict.UNKNOWN, List.of(), dir, "cannot list it (" + e + ")");
            }
        }
        if (!live.isEmpty()) {
            return new Enumeration(Verdict.LIVE, live, null, null);
        }
        return unknown != null ? unknown : new Enumeration(Verdict.NONE, List.of(), null, null);
    }

    /** Adds {@code entry} to {@code live} when its lock is held; a problem when that cannot be told. */
    private static Optional<Enumeration> probe(Os os, Path entry, Matcher name, List<Instance> live) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.of(new Enumeration(Verdict.UNTRUSTED, List.of(), entry,
                        "not a regular file (" + PathKinds.describe(attributes) + ")"));
            }
            try (LockableFile file = os.lockBackend().openForProbing(entry)) {
                if (file.tryLock(LockMode.EXCLUSIVE)) {
                    file.unlock();
                    return Optional.empty(); // a dead server's leftover
                }
            }
            live.add(new Instance(Long.parseLong(name.group(1)), Long.parseLong(name.group(2)), name.group(3),
                    name.group(4), entry));
            return Optional.empty();
        } catch (NoSuchFileException vanished) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Enumeration(Verdict.UNKNOWN, List.of(), entry, VerifiedPidFile.describe(e)));
        }
    }

    /** Deletes the sentinels nobody holds: their servers died without cleaning up (kill -9, power loss). */
    private static void pruneDead(Os os, Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!SENTINEL.matcher(entry.getFileName().toString()).matches()
                        || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (LockableFile file = os.lockBackend().openForProbing(entry)) {
                    if (file.tryLock(LockMode.EXCLUSIVE)) {
                        if (os.isWindows()) {
                            file.close();
                        }
                        Files.deleteIfExists(entry); // POSIX: while still holding the lock, so it is the dead one's
                    }
                } catch (IOException vanishedOrBusy) {
                    // another registration pruned it first, or it cannot be opened: leave it
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    private static String randomHex8() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** This server's sentinel, held until {@link #close()}. */
    public static final class Registration implements AutoCloseable {
        private final Os os;
        private final Path sentinel;
        private final LockableFile file;
        private boolean closed;

        private Registration(Os os, Path sentinel, LockableFile file) {
            this.os = os;
            this.sentinel = sentinel;
            this.file = file;
        }

        public Path sentinel() {
            return sentinel;
        }

        /** Unregisters: POSIX deletes while holding the lock, Windows must close first (locking.md §4.3). */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (os.isWindows()) {
                file.close();
                deleteQuietly();
            } else {
                try {
                    deleteQuietly();
                } finally {
                    file.close();
                }
            }
        }

        private void deleteQuietly() {
            try {
                Files.deleteIfExists(sentinel);
            } catch (IOException | RuntimeException ignored) {
                // a leftover sentinel is unlocked, so every probe reads it as dead and the next registration prunes it
            }
        }
    }
}
