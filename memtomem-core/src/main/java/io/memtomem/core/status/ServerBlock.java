package io.memtomem.core.status;

import io.memtomem.locking.InstanceRegistry;
import io.memtomem.locking.Os;
import io.memtomem.locking.ServerState;
import java.nio.file.Path;
import java.util.List;

/**
 * Server liveness as status reports it. {@code running} is true only when a held lock was observed; when the probe
 * could only assume liveness, {@code probeError} is set and the report says "cannot verify". {@code serving} lists the
 * pids of every server the instance registry shows with this store open (ours and the Python memtomem's, with or
 * without the pid lock), so a second server is never invisible.
 */
public record ServerBlock(boolean running, Long pid, String started, Path pidFile, String probeError,
                          List<Long> serving) {

    public ServerBlock {
        serving = List.copyOf(serving);
    }

    /** Without registry information. */
    public ServerBlock(boolean running, Long pid, String started, Path pidFile, String probeError) {
        this(running, pid, started, pidFile, probeError, List.of());
    }

    public static ServerBlock from(ServerState state) {
        return from(state, List.of());
    }

    /**
     * The store's pid lock as probed, plus the servers the registry has serving the store at {@code dbPath}. The
     * registry part is advisory: when it cannot be read it is left out (uninstall, which must not be wrong, reads it
     * itself and fails closed).
     */
    public static ServerBlock withRegistry(ServerState state, Os os, Path dbPath) {
        List<Long> serving = InstanceRegistry.storeDigest(os, dbPath)
                .map(digest -> InstanceRegistry.enumerate(os).serving(digest).stream()
                        .map(InstanceRegistry.Instance::pid).sorted().toList())
                .orElse(List.of());
        return from(state, serving);
    }

    private static ServerBlock from(ServerState state, List<Long> serving) {
        boolean observed = state.alive() && state.probeError() == null;
        return new ServerBlock(observed, state.pid(), state.started(), state.pidFile(), state.probeError(), serving);
    }

    /** For callers that did not probe (e.g. inside the server itself, which knows it is running). */
    public static ServerBlock notProbed() {
        return new ServerBlock(false, null, null, null, null);
    }

    public boolean cannotVerify() {
        return probeError != null;
    }
}
