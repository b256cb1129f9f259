package io.memtomem.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code bin/memtomem-server --transport http --port 0} in a sandbox, and SDK clients connected to it by URL. */
final class HttpServerProcess {
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    static final String SERVING = "serving MCP (Streamable HTTP) at ";

    final Process process;
    final LineBuffer stderr;
    final String url;

    private HttpServerProcess(Process process, LineBuffer stderr, String url) {
        this.process = process;
        this.stderr = stderr;
        this.url = url;
    }

    static HttpServerProcess start(Sandbox sandbox, String... extraArgs) {
        List<String> command = new ArrayList<>(Launchers.server("--transport", "http", "--port", "0"));
        command.addAll(List.of(extraArgs));
        return started(sandbox.processes().start(sandbox.processBuilder(command)), START_BOUND);
    }

    /** A server process already started some other way, once it has printed its URL. */
    static HttpServerProcess started(Process process, Duration bound) {
        LineBuffer stderr = LineBuffer.drain(process.getErrorStream(), "http-server-stderr-" + process.pid());
        String url = Await.value(bound, () -> "the server's URL on stderr:\n" + stderr.text(),
                () -> stderr.lines().stream().filter(line -> line.contains(SERVING)).findFirst()
                        .map(line -> line.substring(line.indexOf(SERVING) + SERVING.length()).split(" ")[0]));
        return new HttpServerProcess(process, stderr, url);
    }

    McpSyncClient client(String name) {
        URI uri = URI.create(url);
        var transport = HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getAuthority())
                .endpoint(uri.getPath()).jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .clientInfo(McpSchema.Implementation.builder(name, "1").build()).build();
        client.initialize();
        return client;
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }
}
