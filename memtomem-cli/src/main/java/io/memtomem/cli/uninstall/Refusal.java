package io.memtomem.cli.uninstall;

import io.memtomem.locking.InstanceRegistry;
import io.memtomem.locking.ServerState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why {@code mm uninstall} must not delete now (locking.md §7.3 steps 8–9, §7.11 key phrases), with how to fix it.
 * {@code --force} overrides these heuristics on POSIX only: Windows cannot delete files another process has open.
 */
record Refusal(List<String> lines) {

    static Optional<Refusal> check(StoreGates gates, boolean force, boolean windows) {
        Optional<Refusal> registry = registry(gates, windows);
        if (registry.isPresent()) {
            return registry;
        }
        if (gates.server().cannotVerify() && (!force || windows)) {
            return Optional.of(cannotVerify(gates.server(), windows));
        }
        if (windows && force && gates.inUse()) {
            List<String> lines = new ArrayList<>(cause(gates, true));
            lines.add("--force cannot wipe an open SQLite database on Windows: files in use cannot be deleted "
                    + "(WinError 32). Stop the writer first, then retry.");
            return Optional.of(new Refusal(lines));
        }
        if (!force && gates.inUse()) {
            List<String> lines = new ArrayList<>(cause(gates, windows));
            if (!windows) {
                lines.add("If you are sure nothing will write to this store, pass --force to delete anyway.");
            }
            return Optional.of(new Refusal(lines));
        }
        return Optional.empty();
    }

    /** The same refusal, found only after the confirmation prompt: something started meanwhile. */
    Refusal becameActive() {
        List<String> late = new ArrayList<>();
        late.add("A memtomem process became active while uninstall was waiting for confirmation; nothing was deleted.");
        late.addAll(lines);
        return new Refusal(late);
    }

    /**
     * The instance registry is evidence, not a heuristic: {@code --force} never overrides it (locking.md §7.3 step 7).
     * A live server is named with the pid-lock wording too when it also holds this store's pid lock.
     */
    private static Optional<Refusal> registry(StoreGates gates, boolean windows) {
        InstanceRegistry.Enumeration registry = gates.registry();
        List<String> lines = new ArrayList<>();
        switch (registry.verdict()) {
            case NONE -> {
                return Optional.empty();
            }
            case LIVE -> {
                if (gates.server().alive() && gates.server().pid() != null) {
                    lines.addAll(running(gates.server(), windows));
                }
                List<String> pids = registry.live().stream().map(instance -> Long.toString(instance.pid()))
                        .distinct().toList();
                lines.add("A live memtomem-server instance is registered (pid " + String.join(", ", pids)
                        + "): a server has a memtomem store open.");
                lines.add("Stop it first: quit the MCP host (editor or agent) that started it, or run: "
                        + (windows ? "taskkill /PID " + String.join(" /PID ", pids) : "kill " + String.join(" ", pids)));
            }
            case UNTRUSTED -> {
                lines.add("The instance registry cannot be trusted: " + registry.problemPath() + " ("
                        + registry.problem() + ").");
                lines.add("Repair or remove that path; retrying is pointless until then.");
            }
            case UNKNOWN -> {
                lines.add("Could not determine whether a memtomem-server instance is running ("
                        + (registry.problemPath() == null ? "" : registry.problemPath() + ": ") + registry.problem()
                        + ").");
                lines.add("Retry in a moment.");
            }
        }
        lines.add("--force does not override this check.");
        return Optional.of(new Refusal(lines));
    }

    private static Refusal cannotVerify(ServerState server, boolean windows) {
        List<String> lines = new ArrayList<>();
        // a fail-closed state without a pid file (e.g. a refused runtime dir) names its cause in the error alone
        lines.add("Cannot verify whether a memtomem server is running: " + (server.pidFile() == null ? ""
                : "probing " + server.pidFile() + " failed: ") + server.probeError() + ".");
        lines.add("Repair or remove that path, then retry.");
        if (!windows) {
            lines.add("If you are sure no server is using this store, pass --force.");
        }
        return new Refusal(lines);
    }

    private static List<String> cause(StoreGates gates, boolean windows) {
        ServerState server = gates.server();
        if (server.alive()) {
            return server.pid() == null ? pidUnknown(server, windows) : running(server, windows);
        }
        String db = gates.dbPath().toString();
        return List.of("Another process holds a write lock on " + db + " (an open write transaction).",
                windows ? "Find it with Task Manager, Get-Process, or Sysinternals: handle.exe " + db
                        : "Find it with: lsof " + db);
    }

    private static List<String> running(ServerState server, boolean windows) {
        return List.of("Server still running (pid " + server.pid() + ") on this store (pid file: "
                        + server.pidFile() + ").",
                "Stop it first: quit the MCP host (editor or agent) that started it, or run: "
                        + (windows ? "taskkill /PID " : "kill ") + server.pid());
    }

    private static List<String> pidUnknown(ServerState server, boolean windows) {
        return List.of("Server still running (pid unknown): a process holds the lock on " + server.pidFile() + ".",
                windows ? "Find it with Sysinternals: handle.exe " + server.pidFile()
                        + " or Resource Monitor (CPU > Associated Handles)."
                        : "Find it with: lsof " + server.pidFile());
    }
}
