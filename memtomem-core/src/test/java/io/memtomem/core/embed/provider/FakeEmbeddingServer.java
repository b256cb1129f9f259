package io.memtomem.core.embed.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server that plays scripted replies in order; once the script runs out it answers every request
 * with the fallback. Records each request body so tests can check batching and headers.
 */
public final class FakeEmbeddingServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
        public static Reply json(String body) {
            return new Reply(200, Map.of(), body, Duration.ZERO);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "{\"error\":\"scripted " + status + "\"}", Duration.ZERO);
        }

        static Reply slow(Duration delay) {
            return new Reply(200, Map.of(), "{}", delay);
        }
    }

    record Request(String path, Map<String, List<String>> headers, JsonNode body) {
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Function<JsonNode, Reply> fallback = body -> Reply.status(500, Map.of());

    public FakeEmbeddingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized FakeEmbeddingServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    public synchronized FakeEmbeddingServer otherwise(Function<JsonNode, Reply> reply) {
        fallback = reply;
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Reply reply;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            reply = script.isEmpty() ? fallback.apply(body) : script.poll();
        }
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            out.write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection; nothing to deliver
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
