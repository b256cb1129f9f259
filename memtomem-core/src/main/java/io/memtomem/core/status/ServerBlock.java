package io.memtomem.core.status;

import io.memtomem.locking.ServerState;
import java.nio.file.Path;

/**
 * Server liveness as status reports it. {@code running} is true only when a held lock was observed; when the probe
 * could only assume liveness, {@code probeError} is set and the report says "cannot verify".
 */
public record ServerBlock(boolean running, Long pid, String started, Path pidFile, String probeError) {

    public static ServerBlock from(ServerState state) {
        boolean observed = state.alive() && state.probeError() == null;
        return new ServerBlock(observed, state.pid(), state.started(), state.pidFile(), state.probeError());
    }

    /** For callers that did not probe (e.g. inside the server itself, which knows it is running). */
    public static ServerBlock notProbed() {
        return new ServerBlock(false, null, null, null, null);
    }

    public boolean cannotVerify() {
        return probeError != null;
    }
}
