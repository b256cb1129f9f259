package io.memtomem.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Startup numbers for the benchmark (not a test): spawn → initialize reply of {@code bin/memtomem-server}
 * beside spawn → exit of {@code java -version} in the same run, and the first {@code mem_search} after a start on a
 * 1,000-file store. Usage: {@code StartupBench <repo root> [spawns]}.
 */
public final class StartupBench {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final Path launcher;
    private final Path work;

    private StartupBench(Path repoRoot, Path work) {
        this.launcher = repoRoot.resolve("bin").resolve("memtomem-server");
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int spawns = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path work = Files.createTempDirectory("memtomem-bench-");
        try {
            new StartupBench(root, work).run(spawns);
        } finally {
            deleteTree(work);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void run(int spawns) throws Exception {
        Path emptyHome = Files.createDirectories(work.resolve("empty-home"));
        List<Double> javaVersion = new ArrayList<>();
        List<Double> initialize = new ArrayList<>();
        for (int i = 0; i < spawns; i++) {
            javaVersion.add(javaVersion());
            initialize.add(spawnToInitialize(emptyHome));
        }
        System.out.println("java -version, spawn -> exit:               " + summary(javaVersion));
        System.out.println("memtomem-server, spawn -> initialize reply: " + summary(initialize));

        Path storeHome = Files.createDirectories(work.resolve("store-home"));
        Path notes = Files.createDirectories(storeHome.resolve(".memtomem").resolve("memories"));
        for (int i = 0; i < 1_000; i++) {
            Files.writeString(notes.resolve("note-" + i + ".md"), "## Note " + i + "\n\nMeeting " + i
                    + " discussed caching, deployment and the " + (i % 7 == 0 ? "redis eviction policy" : "backlog")
                    + ". Follow-up owner: person " + (i % 13) + ".\n");
        }
        try (Server server = Server.start(launcher, storeHome, work)) {
            server.call(1, "mem_index", "{\"path\":\"" + notes + "\"}");
        }
        List<Double> firstSearch = new ArrayList<>();
        List<Double> startToSearch = new ArrayList<>();
        for (int i = 0; i < Math.max(5, spawns / 2); i++) {
            long spawned = System.nanoTime();
            try (Server server = Server.start(launcher, storeHome, work)) {
                long sent = System.nanoTime();
                server.call(1, "mem_search", "{\"query\":\"redis eviction policy\"}");
                long replied = System.nanoTime();
                firstSearch.add((replied - sent) / 1e6);
                startToSearch.add((replied - spawned) / 1e6);
            }
        }
        System.out.println("first mem_search (1,000 files), call -> reply: " + summary(firstSearch));
        System.out.println("spawn -> first mem_search reply:               " + summary(startToSearch));
    }

    static double javaVersion() throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e6;
    }

    private double spawnToInitialize(Path home) throws Exception {
        long start = System.nanoTime();
        try (Server server = Server.spawn(launcher, home, work)) {
            server.send(INITIALIZE);
            server.awaitId(0);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    static String summary(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("p50 %.0f ms (min %.0f, max %.0f, n=%d)", median, sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    /** A launcher process on a given home; closing it closes stdin and waits for the exit. */
    private static final class Server implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;
        private final BufferedReader stdout;

        private Server(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
            this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Server spawn(Path launcher, Path home, Path work) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().keySet().removeIf(name -> name.startsWith("MEMTOMEM_"));
            builder.environment().put("HOME", home.toString());
            builder.environment().put("MEMTOMEM_JAVA_OPTS", "-Duser.home=" + home);
            builder.environment().put("_MEMTOMEM_TEST_RUNTIME_DIR", work.resolve("run").toString());
            builder.environment().put("_MEMTOMEM_TEST_MODE", "1");
            return new Server(builder.start());
        }

        /** Spawned and initialized. */
        static Server start(Path launcher, Path home, Path work) throws IOException {
            Server server = spawn(launcher, home, work);
            server.send(INITIALIZE);
            server.awaitId(0);
            server.send(INITIALIZED);
            return server;
        }

        void call(int id, String tool, String arguments) throws IOException {
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                    + "\",\"arguments\":" + arguments + "}}");
            String reply = awaitId(id);
            if (reply.contains("\"isError\":true")) {
                throw new IllegalStateException(tool + " failed: " + reply);
            }
        }

        void send(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        String awaitId(int id) throws IOException {
            String line;
            while ((line = stdout.readLine()) != null) {
                if (line.contains("\"id\":" + id + ",")) {
                    return line;
                }
            }
            throw new IOException("server exited before answering request " + id);
        }

        @Override
        public void close() throws Exception {
            stdin.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
