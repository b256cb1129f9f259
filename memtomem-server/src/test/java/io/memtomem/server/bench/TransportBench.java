package io.memtomem.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * #16's transport benchmark (not a test): {@code mem_search} requests/s and p50/p99 latency at 10 concurrent clients,
 * over Streamable HTTP (10 clients, one session each, on one {@code --transport http} server) beside stdio (one
 * server, the same 10 threads sharing its single connection, as a host's parallel calls do). Both serve the same
 * 500-note store. Usage: {@code TransportBench <repo root> [requests per client]}.
 */
public final class TransportBench {
    private static final int CLIENTS = 10;
    private static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path work = Files.createTempDirectory("memtomem-transport-bench-");
        try {
            Path home = Files.createDirectories(work.resolve("home"));
            Path notes = Files.createDirectories(home.resolve(".memtomem/memories/notes"));
            for (int i = 0; i < 500; i++) {
                Files.writeString(notes.resolve("n" + i + ".md"), "## Note " + i + "\nTopic " + (i % 37)
                        + " about caching, queues and storage engines, item " + i + ".\n");
            }
            Files.createDirectories(work.resolve("run"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            Map<String, String> env = new HashMap<>();
            env.put("HOME", home.toString());
            env.put("PATH", System.getenv("PATH"));
            env.put("_MEMTOMEM_TEST_MODE", "1");
            env.put("_MEMTOMEM_TEST_RUNTIME_DIR", work.resolve("run").toString());
            env.put("MEMTOMEM_JAVA_OPTS", "-Duser.home=" + home);
            String launcher = root.resolve("bin/memtomem-server").toString();
            System.out.println("mem_search, " + CLIENTS + " concurrent clients x " + perClient + " requests each");
            stdio(launcher, env, perClient);
            http(launcher, env, perClient);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Raw JSON lines over one server's stdio, written under a lock and matched to replies by id: the SDK's stdio
     * client cannot send from several threads at once (its outbound sink takes one emitter).
     */
    private static void stdio(String launcher, Map<String, String> env, int perClient) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher);
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process server = builder.start();
        try {
            RawStdio raw = new RawStdio(server);
            raw.call("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}");
            raw.notifyInitialized();
            raw.call("tools/call", "{\"name\":\"mem_index\",\"arguments\":{}}");
            raw.search(0);
            report("stdio", run(() -> raw::search, perClient));
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One stdio connection shared by every bench thread. */
    private static final class RawStdio {
        private final java.io.OutputStream in;
        private final Map<Long, CompletableFuture<String>> pending = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong(1);

        RawStdio(Process server) {
            in = server.getOutputStream();
            ObjectMapper json = new ObjectMapper();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        var frame = json.readTree(line);
                        if (frame.has("id") && !frame.has("method")) {
                            CompletableFuture<String> waiting = pending.remove(frame.get("id").asLong());
                            if (waiting != null) {
                                waiting.complete(line);
                            }
                        }
                    }
                } catch (Exception e) {
                    pending.values().forEach(waiting -> waiting.completeExceptionally(e));
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String call(String method, String params) throws Exception {
            long id = ids.getAndIncrement();
            CompletableFuture<String> reply = new CompletableFuture<>();
            pending.put(id, reply);
            write("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params
                    + "}");
            String line = reply.get(120, TimeUnit.SECONDS);
            if (line.contains("\"isError\":true") || line.contains("\"error\":")) {
                throw new IllegalStateException(line);
            }
            return line;
        }

        void notifyInitialized() throws Exception {
            write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        void search(int i) {
            try {
                call("tools/call", "{\"name\":\"mem_search\",\"arguments\":{\"query\":\"topic " + (i % 37)
                        + " caching\"}}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private synchronized void write(String line) throws java.io.IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    private static void http(String launcher, Map<String, String> env, int perClient) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher, "--transport", "http", "--port", "0");
        builder.environment().putAll(env);
        Process server = builder.start();
        try {
            String url = awaitUrl(server);
            URI uri = URI.create(url);
            List<McpSyncClient> clients = Collections.synchronizedList(new ArrayList<>());
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(client(HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://"
                        + uri.getAuthority()).endpoint(uri.getPath()).jsonMapper(MAPPER).build()));
            }
            index(clients.get(0));
            var next = new java.util.concurrent.atomic.AtomicInteger();
            ThreadLocal<McpSyncClient> mine = ThreadLocal.withInitial(() -> clients.get(next.getAndIncrement()));
            report("http ", run(() -> {
                McpSyncClient own = mine.get();
                return i -> search(own, i);
            }, perClient));
            clients.forEach(McpSyncClient::closeGracefully);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String awaitUrl(Process server) throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String marker = "serving MCP (Streamable HTTP) at ";
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains(marker)) {
                        url.complete(line.substring(line.indexOf(marker) + marker.length()).split(" ")[0]);
                    }
                }
            } catch (Exception e) {
                url.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return url.get(60, TimeUnit.SECONDS);
    }

    private static McpSyncClient client(io.modelcontextprotocol.spec.McpClientTransport transport) {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(120))
                .clientInfo(McpSchema.Implementation.builder("bench", "1").build()).build();
        client.initialize();
        return client;
    }

    private static void index(McpSyncClient client) {
        client.callTool(McpSchema.CallToolRequest.builder("mem_index").arguments(Map.of()).build());
        search(client, 0); // warm-up
    }

    private static void search(McpSyncClient client, int i) {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("mem_search")
                .arguments(Map.of("query", "topic " + (i % 37) + " caching")).build());
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(result.toString());
        }
    }

    /** Latencies in ms of every request; the wall time is the last element. */
    private static List<Double> run(Supplier<java.util.function.IntConsumer> searcher, int perClient)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(pool.submit(() -> {
                java.util.function.IntConsumer mine = searcher.get();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    mine.accept(i);
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        double wall = (System.nanoTime() - start) / 1e6;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        sorted.add(wall);
        return sorted;
    }

    private static void report(String name, List<Double> sortedWithWall) {
        double wall = sortedWithWall.remove(sortedWithWall.size() - 1);
        int n = sortedWithWall.size();
        System.out.printf(Locale.ROOT, "%s  %6.0f req/s   p50 %6.1f ms   p99 %6.1f ms   (%d requests)%n", name,
                n / (wall / 1000), sortedWithWall.get(n / 2), sortedWithWall.get((int) Math.ceil(n * 0.99) - 1), n);
    }
}
