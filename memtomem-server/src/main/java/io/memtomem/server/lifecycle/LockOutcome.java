package io.memtomem.server.lifecycle;

import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusWarning;

import java.util.Optional;

/**
 * How this server came by its store at start: holding the store's pid lock, or finding it held by another server
 * ({@code holderPid} from the holder's pid file; null when unreadable, always on Windows).
 */
public record LockOutcome(boolean contended, Long holderPid) {
    public static final LockOutcome HELD = new LockOutcome(false, null);
    static final String KIND = "concurrent_server_writers";

    public static LockOutcome contendedBy(Long holderPid) {
        return new LockOutcome(true, holderPid);
    }

    /**
     * The {@code concurrent_server_writers} warning for {@code mem_status}: this server found the lock held at start
     * and the probe now still sees a holder (or cannot tell). A holder that has since gone is no concurrent writer.
     * The pid is the one the probe saw, else the one read at start.
     */
    public Optional<StatusWarning> warning(ServerBlock probed, long ownPid) {
        if (!contended || !(probed.running() || probed.cannotVerify())) {
            return Optional.empty();
        }
        Long other = probed.running() && probed.pid() != null ? probed.pid() : holderPid;
        return Optional.of(new StatusWarning(KIND, "another memtomem server (pid " + (other == null ? "unknown" : other)
                + ") holds this store's pid lock and serves it too; this server (pid " + ownPid + ") runs beside it "
                + "without the lock, so both write the same files and index",
                "keep one server per store: remove the duplicate memtomem entry from your MCP host configurations "
                        + "(or close the other host), then restart this host"));
    }
}
