package io.memtomem.cli.service;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.CliException;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.LauncherDir;
import io.memtomem.cli.status.StatusCommand;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.remote.HttpBind;
import io.memtomem.core.remote.HttpEndpoint;
import io.memtomem.core.remote.HttpToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code mm service install [--host H] [--port P]}: writes the service definition, then starts and enables it. */
@Command(name = "install", description = {
        "Install and start a per-user service running memtomem-server --transport http on this store.",
        "It runs this install's launcher with this Java (JAVA_HOME), HOME and every MEMTOMEM_* variable set now, "
                + "starts at login and restarts on failure. Installing again replaces it (e.g. to change --port). "
                + "Like the server, it binds loopback unless --host says otherwise; a non-loopback --host makes every "
                + "client send the bearer token 'mm http-token' prints."})
public final class ServiceInstallCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = HttpBind.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + HttpBind.DEFAULT_PORT,
            description = "Port to listen on, 1-65535 (default: ${DEFAULT-VALUE}).")
    int port;

    private final CliContext context;

    public ServiceInstallCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MemtomemConfig config = context.loadConfiguredConfig();
        if (port < 1 || port > 65_535) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "--port must be 1-65535, not " + port
                    + " (a service needs a fixed port its clients can be configured with)");
        }
        boolean loopback = HttpBind.loopback(host).orElseThrow(() -> new CliException(ExitCode.REFUSED_OR_USAGE,
                "--host " + host + " is not an address of this machine"));
        ServiceManager manager = ServiceManager.of(context);
        if (manager.foreign()) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, manager.platform().definitionFile() + " exists and was "
                    + "not written by mm service install; it is left as it is. Stop that service and move the file "
                    + "away (" + manager.manualStop() + "), then install.");
        }
        Optional<HttpEndpoint> running = HttpEndpoint.running(config.storeDir());
        if (running.isPresent() && !manager.installed()) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "an HTTP server already serves this store at "
                    + running.get().url() + " (pid " + running.get().pid() + "): the service's server would refuse "
                    + "to start beside it. Stop that one first (" + (context.os().isWindows() ? "taskkill /PID "
                    : "kill ") + running.get().pid() + "), then install.");
        }
        ServiceSpec spec = spec(config);
        if (!loopback) {
            HttpToken.readOrCreate(config.storeDir()); // exists before the first client can connect
        }
        ServicePlatform platform = manager.platform();
        ServiceManager.Installed installed;
        try {
            installed = manager.install(spec);
        } catch (IllegalArgumentException unspellable) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "cannot write the service: " + unspellable.getMessage());
        }
        PrintWriter out = context.out();
        out.println((installed.replaced() ? "Replaced" : "Wrote") + " the " + platform.displayName() + " "
                + platform.definitionFile());
        out.println("It runs: " + ServiceManager.shellLine(spec.command()));
        out.println("With: " + String.join(", ", spec.sortedEnv().keySet()));
        // the new service's server refuses to start while the old one still serves the store
        installed.lingering().ifPresent(endpoint -> context.err().println(context.palette().yellow("Warning: ")
                + LingeringServer.message(endpoint, context.os().isWindows())
                + "; the new service starts its own once it is gone"));
        if (installed.failed() != null) {
            return startFailed(manager, installed.failed(), spec);
        }
        String url = url(host, port);
        out.println("Started. It starts again at every login and restarts if it fails.");
        out.println("Connect hosts to " + url + ", e.g.:");
        out.println("  claude mcp add --transport http memtomem " + url
                + (loopback ? "" : " --header \"Authorization: Bearer $(mm http-token)\""));
        if (!loopback) {
            out.println("It listens beyond loopback: every client must send 'Authorization: Bearer <token>' "
                    + "('mm http-token' prints it).");
        }
        out.println("'mm service status' shows its state; 'mm service uninstall' removes it.");
        return ExitCode.OK.code();
    }

    private int startFailed(ServiceManager manager, ServiceManager.Step failed, ServiceSpec spec) {
        PrintWriter err = context.err();
        err.println(context.palette().red("Error:") + " the service is written but not started: '" + failed.line()
                + "' failed" + (failed.result().output().isEmpty() ? " (exit " + failed.result().exitCode() + ")."
                : ": " + failed.result().output().strip().replaceAll("\\s*\\R\\s*", " ")));
        String hint = manager.platform().failureHint(failed.result());
        if (!hint.isEmpty()) {
            err.println(hint);
        }
        err.println("Start it by hand: " + manager.manualStart());
        err.println("Or run the server without a service: " + ServiceManager.shellLine(spec.command()));
        err.println("'mm service uninstall' removes what was written.");
        return ExitCode.ERROR.code();
    }

    private ServiceSpec spec(MemtomemConfig config) {
        Path bin = LauncherDir.require("to install the service");
        Path launcher = bin.resolve(context.os().isWindows() ? "memtomem-server.cmd" : "memtomem-server");
        if (!Files.isRegularFile(launcher)) {
            throw new CliException(ExitCode.ERROR, "the server launcher " + launcher + " is missing from this install");
        }
        Map<String, String> env = new TreeMap<>();
        context.environment().env().forEach((name, value) -> {
            if (name.startsWith("MEMTOMEM_")) {
                env.put(name, value); // they choose the store, its database and the server's options
            }
        });
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (!context.os().isWindows()) {
            env.put("HOME", context.home().toString()); // the store is found under it; launchd and systemd set it too
        }
        try {
            return new ServiceSpec(launcher, host, port, config.storeDir(), env);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.REFUSED_OR_USAGE, "cannot write the service: " + e.getMessage());
        }
    }

    /** The URL clients use: an IPv6 literal goes in brackets. */
    static String url(String host, int port) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/mcp";
    }
}
