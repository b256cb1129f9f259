package io.memtomem.it;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** #16: one Streamable HTTP server per store, shared by many clients, safe against DNS rebinding. */
class HttpTransportIT {
    private static final int CLIENTS = 8;
    private static final int NOTES_EACH = 5;

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void eightConcurrentClientsEachAddAndSearchAndNothingIsLost() throws Exception {
        HttpServerProcess server = HttpServerProcess.start(sandbox);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    int found = 0;
                    try (McpSyncClient mcp = server.client("it-" + client)) {
                        for (int n = 0; n < NOTES_EACH; n++) {
                            McpSchema.CallToolResult added = mcp.callTool(McpSchema.CallToolRequest
                                    .builder("mem_add").arguments(Map.of("content",
                                            "client" + client + " note" + n + " zebrafish" + client + "x" + n))
                                    .build());
                            assertFalse(added.isError(), HttpServerProcess.text(added));
                        }
                        for (int n = 0; n < NOTES_EACH; n++) {
                            McpSchema.CallToolResult hits = mcp.callTool(McpSchema.CallToolRequest
                                    .builder("mem_search").arguments(Map.of("query",
                                            "zebrafish" + client + "x" + n)).build());
                            if (HttpServerProcess.text(hits).contains("client" + client + " note" + n)) {
                                found++;
                            }
                        }
                    }
                    return found;
                }));
            }
            for (Future<Integer> each : done) {
                assertEquals(NOTES_EACH, each.get(180, TimeUnit.SECONDS), server.stderr::text);
            }
        } finally {
            pool.shutdownNow();
        }
        String files = MarkdownFiles.text(sandbox.memoriesDir());
        for (int c = 0; c < CLIENTS; c++) {
            for (int n = 0; n < NOTES_EACH; n++) {
                assertTrue(files.contains("zebrafish" + c + "x" + n), "lost: client " + c + " note " + n);
            }
        }
        assertTrue(server.process.isAlive(), server.stderr::text);
    }

    @Test
    void aForeignOriginIsForbiddenAndASecondHttpServerRefusesWithTheFirstsUrl() throws Exception {
        HttpServerProcess server = HttpServerProcess.start(sandbox);
        HttpClient http = HttpClient.newHttpClient();
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}}";
        HttpResponse<String> rebinding = http.send(HttpRequest.newBuilder(URI.create(server.url))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(initialize))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, rebinding.statusCode(), rebinding::body);
        HttpResponse<String> local = http.send(HttpRequest.newBuilder(URI.create(server.url))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, local.statusCode(), local::body);
        String session = local.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> ended = http.send(HttpRequest.newBuilder(URI.create(server.url))
                .header("Mcp-Session-Id", session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ended.statusCode(), ended::body);
        HttpResponse<String> afterEnd = http.send(HttpRequest.newBuilder(URI.create(server.url))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, afterEnd.statusCode(), "a deleted session is gone");

        Process second = sandbox.processes().start(sandbox.processBuilder(
                Launchers.server("--transport", "http", "--port", "0")));
        LineBuffer secondErr = LineBuffer.drain(second.getErrorStream(), "second-http-stderr");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second HTTP server did not give up");
        assertEquals(1, second.exitValue());
        assertTrue(secondErr.awaitEnd(Duration.ofSeconds(5)).text().contains(server.url), secondErr::text);
        assertTrue(Files.readString(sandbox.storeDir().resolve("http-server.json")).contains(server.url));
    }
}
