package io.memtomem.cli.doctor;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.cli.mcp.HostConfigFile;
import io.memtomem.cli.mcp.McpHost;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.ServerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mm doctor}: checks the install, the store and the MCP host registrations, each with its fix. */
@Command(name = "doctor", description = {
        "Check this memtomem install: the Java version, the launchers, the store and runtime dir, whether a server "
                + "runs, whether the embedding provider is reachable, and whether the MCP host configs start this "
                + "install. Each problem comes with its fix; exit 1 when one is an error (warnings exit 0)."})
public final class DoctorCommand implements Callable<Integer> {
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final CliContext context;

    @Mixin
    private JsonOption json;

    public DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MemtomemConfig config = context.loadConfig();
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(launchers());
        checks.addAll(store(config));
        checks.add(server(config));
        checks.add(embedding(config));
        checks.addAll(hosts());
        boolean failed = checks.stream().anyMatch(check -> check.status() == Check.Status.FAIL);
        if (json.enabled()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("ok", !failed);
            payload.put("checks", checks.stream().map(Check::toJson).toList());
            Json.print(context.out(), payload);
        } else {
            for (Check check : checks) {
                String mark = switch (check.status()) {
                    case OK -> "ok  ";
                    case WARN -> context.palette().yellow("warn");
                    case FAIL -> context.palette().red("FAIL");
                };
                context.out().println(mark + "  " + check.name() + ": " + check.detail());
                if (check.fix() != null) {
                    context.out().println("      fix: " + check.fix());
                }
            }
        }
        return failed ? ExitCode.ERROR.code() : ExitCode.OK.code();
    }

    private static Check java() {
        int feature = Runtime.version().feature();
        String detail = "Java " + Runtime.version() + " at " + System.getProperty("java.home");
        return feature >= 17 ? Check.ok("java", detail)
                : Check.fail("java", detail, "memtomem needs Java 17 or newer: set JAVA_HOME to a Java 17+ installation");
    }

    private Check launchers() {
        String bin = System.getProperty("memtomem.bin");
        if (bin == null) {
            return Check.warn("launchers", "mm was not started through its launcher", "run bin/mm doctor");
        }
        boolean windows = context.os().isWindows();
        List<String> missing = new ArrayList<>();
        for (String name : windows ? List.of("mm.cmd", "memtomem-server.cmd") : List.of("mm", "memtomem-server")) {
            Path launcher = Path.of(bin, name);
            if (!Files.isRegularFile(launcher) || (!windows && !Files.isExecutable(launcher))) {
                missing.add(launcher.toString());
            }
        }
        return missing.isEmpty() ? Check.ok("launchers", bin)
                : Check.fail("launchers", "missing or not executable: " + String.join(", ", missing),
                "unpack the release archive again (or chmod +x the launchers)");
    }

    private List<Check> store(MemtomemConfig config) {
        List<Check> checks = new ArrayList<>();
        if (!config.isConfigured()) {
            checks.add(Check.fail("config", "no " + config.configFile(), "mm init"));
        } else {
            checks.add(Check.ok("config", config.configFile().toString()));
        }
        config.warnings().forEach(warning -> checks.add(Check.warn("config", warning, "mm config show")));
        Path storeDir = config.storeDir();
        if (Files.isDirectory(storeDir) && !Files.isWritable(storeDir)) {
            checks.add(Check.fail("store", storeDir + " is not writable", "fix the permissions of " + storeDir));
        } else if (Files.isRegularFile(config.storage().sqlitePath())) {
            checks.add(Check.ok("store", config.storage().sqlitePath().toString()));
        } else {
            checks.add(Check.warn("store", "no index yet at " + config.storage().sqlitePath(), "mm init (or mm index DIR)"));
        }
        for (Path dir : config.indexing().memoryDirs()) {
            checks.add(Files.isDirectory(dir) ? Check.ok("memory dir", dir.toString())
                    : Check.warn("memory dir", dir + " does not exist", "mm init, or mkdir " + dir));
        }
        return checks;
    }

    /** Liveness through the runtime dir's pid-file lock, as mm status reports it. */
    private Check server(MemtomemConfig config) {
        ServerState state = context.serverState(config.storage().sqlitePath());
        if (state.cannotVerify()) {
            return Check.warn("server", "cannot verify: " + state.probeError(), "see 'mm status'");
        }
        String detail = state.alive() ? "running" + (state.pid() == null ? "" : " (pid " + state.pid() + ")")
                : "not running (an MCP host starts it on demand)";
        return state.probeWarning() == null ? Check.ok("server", detail)
                : Check.warn("server", detail + "; " + state.probeWarning(), "see 'mm status'");
    }

    private static Check embedding(MemtomemConfig config) {
        String provider = config.embedding().provider();
        if (provider.equals("none")) {
            return Check.ok("embedding", "none (keyword search)");
        }
        if (provider.equals("onnx")) {
            try {
                Class.forName("io.memtomem.onnx.OnnxProviderPlugin", false, DoctorCommand.class.getClassLoader());
                return Check.ok("embedding", "onnx / " + config.embedding().model() + " (bundled, offline)");
            } catch (ClassNotFoundException e) {
                return Check.fail("embedding", "onnx is configured but memtomem-onnx is not on the class path",
                        "use the release archive's lib/, or mm init --preset minimal");
            }
        }
        String baseUrl = config.embedding().baseUrl();
        try {
            URI uri = URI.create(baseUrl);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
            }
            return Check.ok("embedding", provider + " / " + config.embedding().model() + " at " + baseUrl + " (reachable)");
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return Check.fail("embedding", provider + " at " + baseUrl + " is not reachable (" + e.getMessage() + ")",
                    "start the embedding service, or mm config set embedding.base_url URL");
        }
    }

    /** Each host config that exists: does its memtomem entry start this install? */
    private List<Check> hosts() {
        List<Check> checks = new ArrayList<>();
        String bin = System.getProperty("memtomem.bin");
        Map<String, String> env = context.environment().env();
        for (McpHost host : McpHost.values()) {
            Path file = host.configFile(context.home(), context.os(), env);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String name = "host " + host.label();
            String registered = HostConfigFile.registeredLauncher(host, file);
            if (registered == null) {
                checks.add(Check.warn(name, "memtomem is not registered in " + file, "mm init --mcp " + host.label()));
            } else if (bin != null && !registered.contains(Path.of(bin).toString())) {
                checks.add(Check.warn(name, file + " starts " + registered + ", not this install (" + bin + ")",
                        "edit the memtomem entry in " + file + " (mm init --mcp json prints this install's)"));
            } else if (!registered.contains(" ") && !Files.exists(Path.of(registered)) && !registered.equals("cmd")) {
                checks.add(Check.fail(name, file + " starts " + registered + ", which does not exist",
                        "edit the memtomem entry in " + file + " (mm init --mcp json prints this install's)"));
            } else {
                checks.add(Check.ok(name, file + " starts " + registered));
            }
        }
        return checks;
    }
}
