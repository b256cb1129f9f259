package io.memtomem.locking;

import java.nio.file.Path;

/**
 * What a probe learned about a pid file.
 *
 * @param alive          a holder was observed, or could not be ruled out ({@code probeError} set: fail closed)
 * @param pid            advisory pid from the payload; {@code null} when unreadable or not trustworthy
 * @param pidFile        the file probed; {@code null} exactly when nothing was found (or enumeration itself failed)
 * @param started        the holder's start time as written, unvalidated
 * @param probeError     set only when {@code alive} is an assumption, never when a held lock was observed
 * @param legacyLockMode {@code "shared"} or {@code "exclusive"} for a classified legacy holder
 * @param probeWarning   a non-blocking note, e.g. speculative runtime dirs that were skipped
 */
public record ServerState(boolean alive, Long pid, Path pidFile, String started, String probeError,
        String legacyLockMode, String probeWarning) {

    public static ServerState absent() {
        return new ServerState(false, null, null, null, null, null, null);
    }

    /** Alive by assumption only: the caller must not claim "running", nor "stopped". */
    public boolean cannotVerify() {
        return alive && probeError != null;
    }

    static ServerState observed(boolean alive, Path pidFile, PidPayload.Parsed metadata) {
        return new ServerState(alive, metadata.pid(), pidFile, metadata.started(), null, null, null);
    }

    static ServerState failClosed(Os os, Path pidFile, String error) {
        return new ServerState(true, null, pidFile, null, TerminalText.scrub(os, error), null, null);
    }

    ServerState withProbeError(Os os, String error) {
        return new ServerState(true, pid, pidFile, started, TerminalText.scrub(os, error), legacyLockMode,
                probeWarning);
    }

    ServerState withLegacyLockMode(String mode) {
        return new ServerState(alive, pid, pidFile, started, probeError, mode, probeWarning);
    }

    ServerState withProbeWarning(String warning) {
        return new ServerState(alive, pid, pidFile, started, probeError, legacyLockMode, warning);
    }
}
