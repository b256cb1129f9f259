package io.memtomem.cli.status;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusReport;
import io.memtomem.core.status.StatusReports;
import io.memtomem.locking.ServerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code mm status}: the store report, identical to the MCP {@code mem_status} text, plus server liveness. */
@Command(name = "status", description = {
        "Show the store and whether a memtomem server is running on it.",
        "Reports the store path and size, counts, memory dirs and embedding. The server is 'running' only when its "
                + "pid-file lock is held, and 'cannot verify' when the lock cannot be probed safely."})
public final class StatusCommand implements Callable<Integer> {
    static final String NOT_CONFIGURED = "memtomem is not configured. Run 'mm init' to set up.";

    private final CliContext context;

    @Mixin
    private JsonOption json;

    public StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MemtomemConfig config = context.loadConfig();
        // checked before anything else: someone who never set memtomem up must not find a ~/.memtomem afterwards
        if (!config.isConfigured()) {
            throw new CliException(ExitCode.ERROR, NOT_CONFIGURED);
        }
        ServerState server = context.serverState(config.dbPath());
        // the config-based collector opens the store only if its database exists: status never creates one
        StatusReport report = StatusReports.collect(config, ServerBlock.from(server));
        if (json.enabled()) {
            Json.print(context.out(), report.toJson());
        } else {
            context.out().print(StatusReports.renderText(report));
            context.out().flush();
            if (server.probeWarning() != null) {
                context.err().println(context.palette().yellow("Warning: ") + server.probeWarning());
            }
        }
        return ExitCode.OK.code();
    }
}
