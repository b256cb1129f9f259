package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One MCP session over Streamable HTTP written by hand, for what the SDK client hides: the SSE stream of one POST
 * as it arrives, and POSTs sent while that stream is open.
 */
final class RawHttpSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI url;
    private final String sessionId;

    private RawHttpSession(URI url, String sessionId) {
        this.url = url;
        this.sessionId = sessionId;
    }

    /** Initializes a session at {@code url}. */
    static RawHttpSession open(String url) {
        URI uri = URI.create(url);
        HttpResponse<String> reply = send(HttpClient.newHttpClient(), post(uri, null,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"memtomem-it-http\",\"version\":\"1\"}}}"));
        String session = reply.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new AssertionError("no Mcp-Session-Id: " + reply.statusCode() + " " + reply.body()));
        RawHttpSession opened = new RawHttpSession(uri, session);
        opened.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return opened;
    }

    /** POSTs one message and returns the HTTP status (202 for a notification the server took). */
    int post(String message) {
        return send(http, post(url, sessionId, message)).statusCode();
    }

    /** POSTs a request and collects the messages of its SSE stream as they come; done when the server ends it. */
    Stream stream(String request) {
        Stream stream = new Stream();
        stream.ended = http.sendAsync(post(url, sessionId, request), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        try {
                            stream.messages.add(JSON.readTree(line.substring(5).trim()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }));
        return stream;
    }

    /** The messages of one POST's SSE stream. */
    static final class Stream {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended;
    }

    private static HttpRequest post(URI url, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
