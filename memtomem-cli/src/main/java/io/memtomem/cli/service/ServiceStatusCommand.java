package io.memtomem.cli.service;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.core.remote.HttpEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mm service status [--json]}: whether the service is installed, what its manager says, and its URL. */
@Command(name = "status", description = {
        "Show whether the service is installed, its state as the service manager reports it, and the URL the "
                + "store's HTTP server answers at."})
public final class ServiceStatusCommand implements Callable<Integer> {
    @Mixin
    private JsonOption json;

    private final CliContext context;

    public ServiceStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServiceManager manager = ServiceManager.of(context);
        ServicePlatform platform = manager.platform();
        ServiceManager.Status status = manager.status();
        Optional<HttpEndpoint> serving = ServiceManager.configuredStore(context).flatMap(HttpEndpoint::running);
        if (json.enabled()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("platform", platform.kind());
            report.put("installed", status.installed());
            report.put("definition", platform.definitionFile().toString());
            report.put("state", status.state());
            if (!status.detail().isEmpty()) {
                report.put("detail", status.detail());
            }
            report.put("url", serving.map(HttpEndpoint::url).orElse(null));
            report.put("pid", serving.map(HttpEndpoint::pid).orElse(null));
            Json.print(context.out(), report);
            return ExitCode.OK.code();
        }
        PrintWriter out = context.out();
        out.println("Service:    " + platform.displayName() + ", " + (status.installed() ? "installed"
                : "not installed ('mm service install' installs it)"));
        out.println("Definition: " + platform.definitionFile());
        if (status.installed()) {
            out.println("State:      " + status.state() + (status.detail().isEmpty() ? ""
                    : " (" + status.detail().strip().replaceAll("\\s*\\R\\s*", " ") + ")"));
        }
        out.println("Serving:    " + serving.map(endpoint -> endpoint.url() + " (pid " + endpoint.pid() + ")")
                .orElse("no HTTP server runs on this store"));
        return ExitCode.OK.code();
    }
}
