package io.memtomem.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /** POSTs a request and collects the events of its SSE stream as they come; done when the server ends it. */
    Stream stream(String request) {
        Stream stream = new Stream();
        stream.ended = http.sendAsync(post(url, sessionId, request), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    stream.body = response.body();
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        stream.read(lines);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return stream;
    }

    /** GETs the SSE stream that event {@code lastEventId} was on, as a client resuming it does; waits for its end. */
    Resumed resume(String lastEventId, String session) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("Last-Event-ID", lastEventId).GET().build();
        HttpResponse<String> response = send(http, request);
        Stream events = new Stream();
        try {
            events.read(new BufferedReader(new StringReader(response.body())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Resumed(response.statusCode(), events);
    }

    /** Ends the session ({@code DELETE}) and returns the HTTP status. */
    int delete() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Mcp-Session-Id", sessionId)
                .DELETE().build();
        return send(http, request).statusCode();
    }

    String sessionId() {
        return sessionId;
    }

    record Resumed(int status, Stream events) {
    }

    /** The events of one SSE stream: each message with the id of the event it came in. */
    static final class Stream {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final List<String> ids = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended;
        private volatile InputStream body;

        private void read(BufferedReader lines) throws IOException {
            String id = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    ids.add(id);
                    messages.add(JSON.readTree(line.substring(5).trim()));
                }
            }
        }

        /** Drops the connection, as a network failure would. */
        void drop() throws IOException {
            body.close();
        }
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
