package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Non-destructive liveness probe of one pid file (locking.md §5.3/§5.4): tries the holder's own lock and lets go.
 * Never creates, writes, deletes or signals anything and holds nothing afterwards. Anything that cannot be inspected
 * safely is reported alive with a {@code probeError}: fail closed.
 */
public final class PidProbe {

    static final String SHARED = "shared";
    static final String EXCLUSIVE = "exclusive";

    private PidProbe() {
    }

    public static ServerState probe(Os os, Path pidFile) {
        Path path = pidFile.toAbsolutePath();
        VerifiedPidFile.Outcome outcome = VerifiedPidFile.open(os, path);
        if (outcome instanceof VerifiedPidFile.Absent) {
            return ServerState.absent();
        }
        if (outcome instanceof VerifiedPidFile.Refused refused) {
            return ServerState.failClosed(os, path, refused.reason());
        }
        try (VerifiedPidFile verified = ((VerifiedPidFile.Opened) outcome).file()) {
            return lockVerdict(os, path, verified, readMetadata(verified.file()));
        }
    }

    /**
     * Probes {@code ~/.memtomem/.server.pid} and, on POSIX, classifies a holder: {@code "exclusive"} is a genuine
     * pre-0.1.25 server; {@code "shared"} is a later compatibility alias that must not gate. A shared probe on a second
     * descriptor is safe with flock: closing it cannot release the holder's lock. On Windows this is {@link #probe}.
     */
    public static ServerState probeLegacy(Os os, Path legacyFile) {
        ServerState state = probe(os, legacyFile);
        if (os.isWindows() || !state.alive() || state.probeError() != null) {
            return state;
        }
        Path path = legacyFile.toAbsolutePath();
        String failed = "legacy lock classification failed: ";
        VerifiedPidFile.Outcome outcome = VerifiedPidFile.open(os, path);
        if (outcome instanceof VerifiedPidFile.Absent) {
            return ServerState.failClosed(os, path, failed + "pid path disappeared");
        }
        if (outcome instanceof VerifiedPidFile.Refused refused) {
            return ServerState.failClosed(os, path, failed + refused.reason());
        }
        try (VerifiedPidFile verified = ((VerifiedPidFile.Opened) outcome).file()) {
            String mode;
            try {
                boolean acquired = verified.file().tryLock(LockMode.SHARED);
                mode = acquired ? SHARED : EXCLUSIVE;
                if (acquired) {
                    unlockQuietly(verified.file());
                }
            } catch (IOException e) {
                return state.withProbeError(os, failed + "shared lock attempt failed ("
                        + VerifiedPidFile.describe(e) + ")");
            }
            Optional<String> change = verified.identityChange();
            if (change.isPresent()) {
                return ServerState.failClosed(os, path, failed + change.get());
            }
            // a holder that left between the two probes reads as "shared": conservative, it is never signalled
            return state.withLegacyLockMode(mode);
        }
    }

    private static ServerState lockVerdict(Os os, Path path, VerifiedPidFile verified,
            PidPayload.Parsed metadata) {
        LockableFile file = verified.file();
        boolean acquired;
        try {
            acquired = file.tryLock(LockMode.EXCLUSIVE);
        } catch (IOException e) {
            return ServerState.observed(true, path, metadata)
                    .withProbeError(os, "lock attempt on " + path + " failed (" + VerifiedPidFile.describe(e) + ")");
        }
        Optional<String> change = verified.identityChange();
        if (acquired) {
            unlockQuietly(file);
        }
        if (change.isPresent()) {
            return ServerState.failClosed(os, path, change.get());
        }
        return ServerState.observed(!acquired, path, metadata);
    }

    /** A failed unlock is harmless: closing the descriptor right after releases the lock anyway. */
    private static void unlockQuietly(LockableFile file) {
        try {
            file.unlock();
        } catch (IOException releasedByClose) {
            // the caller's close releases it
        }
    }

    /** Step B: bounded read from offset 0. Unreadable (Windows: the holder's range lock), oversized or bad UTF-8 → none. */
    private static PidPayload.Parsed readMetadata(LockableFile file) {
        try {
            return PidPayload.parse(file.readUpTo(PidPayload.MAX_BYTES + 1)).orElse(NO_METADATA);
        } catch (IOException unreadable) {
            return NO_METADATA;
        }
    }

    private static final PidPayload.Parsed NO_METADATA = new PidPayload.Parsed(null, null, null);
}
