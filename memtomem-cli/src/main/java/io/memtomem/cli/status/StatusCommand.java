package io.memtomem.cli.status;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.common.ListingFormat;
import io.memtomem.cli.service.InstalledService;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusReport;
import io.memtomem.core.status.StatusReports;
import io.memtomem.locking.ServerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mm status}: the store report, identical to the MCP {@code mem_status} text, plus server liveness. */
@Command(name = "status", description = {
        "Show the store and whether a memtomem server is running on it.",
        "Reports the store path and size, counts, memory dirs and embedding. The server is 'running' only when its "
                + "pid-file lock is held, and 'cannot verify' when the lock cannot be probed safely."})
public final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private JsonOption json;

    @Option(names = ListingFormat.OPTION, paramLabel = "FORMAT", description = "table (default) or json (the same as "
            + "--json).")
    private ListingFormat format;

    @Spec
    private CommandSpec spec;

    public StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean asJson = json.enabled()
                || ListingFormat.require(spec, format, ListingFormat.TABLE, ListingFormat.JSON) == ListingFormat.JSON;
        MemtomemConfig config = context.loadConfiguredConfig();
        ServerState server = context.serverState(config.storage().sqlitePath());
        // the config-based collector opens the store only if its database exists: status never creates one
        StatusReport report = StatusReports.collect(config, ServerBlock.withRegistry(server, context.os(),
                config.storage().sqlitePath()));
        Optional<InstalledService> service = InstalledService.find(context);
        if (asJson) {
            Map<String, Object> document = new LinkedHashMap<>(report.toJson());
            document.put("service", service.map(InstalledService::toJson).orElse(null));
            Json.print(context.out(), document);
        } else {
            context.out().print(StatusReports.renderText(report));
            service.ifPresent(installed -> context.out().println("Service: " + installed.displayName() + " "
                    + installed.definition() + " ('mm service status' shows its state)"));
            context.out().flush();
            if (server.probeWarning() != null) {
                context.err().println(context.palette().yellow("Warning: ") + server.probeWarning());
            }
        }
        return ExitCode.OK.code();
    }
}
