package io.memtomem.server;

import io.memtomem.locking.Os;
import io.memtomem.locking.PidFileNames;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How the tests start {@code io.memtomem.server.Main} as a real process: this module's class path, a temporary home
 * (HOME and user.home) and the test-only runtime-dir override, with no inherited MEMTOMEM_* setting.
 */
final class ServerLaunch {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final Path home;
    final Path runtimeDir;
    private final Map<String, String> extraEnv = new HashMap<>();

    ServerLaunch(Path root) {
        this.home = root.resolve("home");
        this.runtimeDir = root.resolve("run");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServerLaunch env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("USERPROFILE", home.toString());
        env.put("_MEMTOMEM_TEST_RUNTIME_DIR", runtimeDir.toString());
        env.put("_MEMTOMEM_TEST_MODE", "1");
        env.putAll(extraEnv);
        return env;
    }

    /** A process builder with the launch environment, inherited MEMTOMEM_* variables removed. */
    ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("MEMTOMEM_"));
        builder.environment().putAll(environment());
        return builder;
    }

    Path pidFile() {
        return runtimeDir.resolve(PidFileNames.forStore(Os.current(), home.resolve(".memtomem").resolve("memtomem.db")));
    }

    /**
     * An initialized SDK client on a new server process. Closing it closes the client (which ends the server with
     * SIGTERM), then makes sure the process is gone.
     */
    synchronized Connection connect(Consumer<McpSchema.ProgressNotification> progress, List<String> stderr) {
        return connect(progress, message -> { }, stderr);
    }

    /** As above, also handing each MCP log message ({@code notifications/message}) to {@code logging}. */
    synchronized Connection connect(Consumer<McpSchema.ProgressNotification> progress,
                                    Consumer<McpSchema.LoggingMessageNotification> logging, List<String> stderr) {
        List<String> command = command();
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(environment()).build();
        StdioClientTransport transport = new StdioClientTransport(parameters,
                new JacksonMcpJsonMapper(new ObjectMapper())) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                return processBuilder(new ArrayList<>());
            }
        };
        transport.setStdErrorHandler(stderr::add);
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
                .clientInfo(McpSchema.Implementation.builder("memtomem-server-test", "1").build())
                .progressConsumer(progress)
                .loggingConsumer(logging)
                .build();
        RuntimeException failure = null;
        try {
            client.initialize();
        } catch (RuntimeException e) {
            failure = e;
        }
        // synchronized + sequential tests: the one new child of this JVM is the server the client spawned
        List<ProcessHandle> spawned = ProcessHandle.current().children().filter(child -> !before.contains(child))
                .toList();
        Connection connection = new Connection(client, spawned);
        if (failure != null) {
            connection.close();
            throw failure;
        }
        return connection;
    }

    /** The client and the server process it spawned. */
    record Connection(McpSyncClient client, List<ProcessHandle> processes) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                for (ProcessHandle process : processes) {
                    process.destroyForcibly();
                    process.onExit().completeOnTimeout(process, TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
                }
            }
        }
    }
}
