package io.memtomem.cli.service;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mm service}: a group; the work is in {@code install}, {@code uninstall} and {@code status}. */
@Command(name = "service", description = {
        "Run memtomem-server --transport http for this store as a per-user service.",
        "A systemd user unit on Linux, a launchd LaunchAgent on macOS, a scheduled task on Windows: it starts at "
                + "login and restarts on failure, so every MCP host can connect to one server by URL."},
        subcommands = {ServiceInstallCommand.class, ServiceUninstallCommand.class, ServiceStatusCommand.class})
public final class ServiceCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: install, uninstall or status");
    }
}
