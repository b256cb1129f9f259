package io.memtomem.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A {@code bin/memtomem-server} process driven through the MCP Java SDK client, the way an MCP host drives it.
 * Closing it uses the SDK's {@code closeGracefully()}, which ends the server with SIGTERM (not stdin EOF).
 */
final class McpServerConnection implements AutoCloseable {
    /** Generous: under the soak a call may queue behind other processes' writes on 2 cores. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

    private final McpSyncClient client;
    private final McpSchema.InitializeResult initializeResult;
    private final ProcessHandle process;
    private final List<ProcessHandle> tree;
    private final LineBuffer stderr;

    private McpServerConnection(McpSyncClient client, McpSchema.InitializeResult initializeResult,
                                ProcessHandle process, List<ProcessHandle> tree, LineBuffer stderr) {
        this.client = client;
        this.initializeResult = initializeResult;
        this.process = process;
        this.tree = tree;
        this.stderr = stderr;
    }

    /**
     * Spawns the server and completes the handshake. Synchronised so that the one new child of this JVM can be
     * identified as the server (the SDK does not expose its process).
     */
    static McpServerConnection start(Sandbox sandbox) {
        return start(sandbox, Launchers.server());
    }

    /** The same with another launcher, e.g. the one of an unpacked release archive. */
    static synchronized McpServerConnection start(Sandbox sandbox, List<String> command) {
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        // the SDK lays its params' environment over the process builder's: without .env() it would put back this
        // JVM's HOME, PATH, ... and send the server to the developer's real store
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(sandbox.environment()).build();
        var transport = new SandboxedStdioTransport(parameters, sandbox);
        LineBuffer stderr = new LineBuffer();
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(REQUEST_TIMEOUT).initializationTimeout(REQUEST_TIMEOUT)
                .clientInfo(McpSchema.Implementation.builder("memtomem-it", "1").build())
                .build();
        McpSchema.InitializeResult result = client.initialize();
        List<ProcessHandle> spawned = ProcessHandle.current().children()
                .filter(child -> !before.contains(child) && !sandbox.processes().isTracked(child))
                .toList();
        assertEquals(1, spawned.size(), "exactly one new server process expected, got " + spawned);
        ProcessHandle server = spawned.get(0);
        // on Windows the child is cmd.exe running the .cmd launcher; its JVM must be remembered while it has a parent
        List<ProcessHandle> tree = Stream.concat(Stream.of(server), server.descendants()).toList();
        tree.forEach(sandbox.processes()::adopt);
        return new McpServerConnection(client, result, server, tree, stderr);
    }

    McpSchema.InitializeResult initializeResult() {
        return initializeResult;
    }

    List<McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    /** Calls {@code tool}, asserts it succeeded, and returns its text. */
    String callOk(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        String text = text(result);
        assertFalse(Boolean.TRUE.equals(result.isError()) || text.startsWith("Error"),
                () -> tool + " " + arguments + " failed: " + text);
        return text;
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    /** The spawned launcher process: on POSIX the server JVM itself ({@code exec}), on Windows the cmd.exe wrapper. */
    ProcessHandle process() {
        return process;
    }

    LineBuffer stderr() {
        return stderr;
    }

    /**
     * Ends the server the SDK's way (SIGTERM after a short grace period) and waits until it is gone. The SDK only
     * ends its direct child, so the rest of the tree (the JVM under Windows' cmd.exe) gets the same treatment.
     */
    @Override
    public void close() {
        client.closeGracefully();
        tree.forEach(ProcessHandle::destroy);
        Await.until(EXIT_BOUND, "server " + process.pid() + " to exit",
                () -> tree.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** The SDK transport started in the sandbox, from its environment alone (this JVM's may carry MEMTOMEM_*). */
    private static final class SandboxedStdioTransport extends StdioClientTransport {
        private final Sandbox sandbox;

        SandboxedStdioTransport(ServerParameters parameters, Sandbox sandbox) {
            super(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
            this.sandbox = sandbox;
        }

        @Override
        protected ProcessBuilder getProcessBuilder() {
            return sandbox.processBuilder(List.of()); // the SDK sets the command itself
        }
    }
}
