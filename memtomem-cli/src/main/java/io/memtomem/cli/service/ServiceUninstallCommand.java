package io.memtomem.cli.service;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.core.remote.HttpEndpoint;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mm service uninstall}: stops the service, unregisters it and removes the definition install wrote. */
@Command(name = "uninstall", description = {
        "Stop the service and remove what 'mm service install' wrote.",
        "The store, its memories and the HTTP token are not touched ('mm uninstall' removes the store)."})
public final class ServiceUninstallCommand implements Callable<Integer> {
    private final CliContext context;

    public ServiceUninstallCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServiceManager manager = ServiceManager.of(context);
        ServicePlatform platform = manager.platform();
        PrintWriter out = context.out();
        ServiceManager.Removed removed = manager.uninstall();
        if (!removed.wasInstalled()) {
            out.println("No memtomem service is installed (no " + platform.definitionFile() + ").");
            return ExitCode.OK.code();
        }
        out.println("Removed the " + platform.displayName() + " " + platform.definitionFile());
        Optional<HttpEndpoint> lingering = ServiceManager.configuredStore(context).flatMap(LingeringServer::after);
        lingering.ifPresent(endpoint -> context.err().println(context.palette().yellow("Warning: ")
                + LingeringServer.message(endpoint, context.os().isWindows())));
        if (removed.failures().isEmpty()) {
            out.println("It will not start at login any more" + (lingering.isPresent() ? "." : "; it is stopped."));
            return ExitCode.OK.code();
        }
        for (ServiceManager.Step failed : removed.failures()) {
            String output = failed.result().output().strip().replaceAll("\\s*\\R\\s*", " ");
            context.err().println(context.palette().yellow("Warning: ") + "'" + failed.line() + "' failed"
                    + (output.isEmpty() ? " (exit " + failed.result().exitCode() + ")" : ": " + output));
        }
        String hint = platform.failureHint(removed.failures().get(0).result());
        if (!hint.isEmpty()) {
            context.err().println(hint);
        }
        context.err().println("If a memtomem server still runs from it, stop it by hand: " + manager.manualStop());
        return ExitCode.OK.code();
    }
}
