package io.memtomem.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * #17's server start-up numbers (not a test), over a 2,000-note store and with the two programs alternating in each
 * round, so both see the same machine: spawn → exit of {@code java -version}, then one {@code bin/memtomem-server}
 * as a host drives it: spawn → initialize reply, the first {@code mem_search} sent right after
 * {@code notifications/initialized} (call → reply, and spawn → that reply), and the searches after it (call → reply);
 * then a second server whose first {@code mem_search} comes as a host's does, after {@code tools/list} and
 * {@value #HOST_PAUSE_MILLIS} ms (the model deciding to search), which is what the server's background warm-up is for.
 * Prints p50/p90 and the load average before and after, since the machine may be shared.
 * Usage: {@code StartupBench <repo root> [rounds]}.
 */
public final class StartupBench {
    static final int NOTES = 2_000;
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    private static final long HOST_PAUSE_MILLIS = 500;
    private static final String FIRST_QUERY = "redis eviction policy";
    private static final List<String> LATER_QUERIES = List.of("deployment rollback", "person 7 follow-up",
            "caching layer", "incident review", "backlog grooming");
    private static final String[] TOPICS = {"redis eviction policy", "deployment rollback", "caching layer",
        "incident review", "backlog grooming", "schema migration", "load testing"};

    private final Path launcher;
    private final Path work;

    private StartupBench(Path repoRoot, Path work) {
        this.launcher = repoRoot.resolve("bin").resolve("memtomem-server");
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        inWorkDir(args, 20, "memtomem-bench-", (root, work, rounds) -> new StartupBench(root, work).run(rounds));
    }

    /** A start-up bench's body: the repository root, its own temporary directory and the number of rounds. */
    interface Body {
        void run(Path root, Path work, int rounds) throws Exception;
    }

    /** Runs {@code body} with the arguments {@code <repo root> [rounds]} in a temporary directory it then deletes. */
    static void inWorkDir(String[] args, int defaultRounds, String prefix, Body body) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : defaultRounds;
        Path work = Files.createTempDirectory(prefix);
        try {
            body.run(root, work, rounds);
        } finally {
            deleteTree(work);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void run(int rounds) throws Exception {
        Path home = storeOfNotes();
        String loadBefore = loadAverage();
        List<Double> javaVersion = new ArrayList<>();
        List<Double> initialize = new ArrayList<>();
        List<Double> firstSearch = new ArrayList<>();
        List<Double> spawnToFirstSearch = new ArrayList<>();
        List<Double> laterSearches = new ArrayList<>();
        List<Double> hostFirstSearch = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            javaVersion.add(javaVersion());
            long spawned = System.nanoTime();
            try (Server server = Server.spawn(launcher, home, work)) {
                server.send(INITIALIZE);
                server.awaitId(0);
                initialize.add(millisSince(spawned));
                server.send(INITIALIZED);
                long sent = System.nanoTime();
                server.call(1, "mem_search", FIRST_QUERY);
                firstSearch.add(millisSince(sent));
                spawnToFirstSearch.add(millisSince(spawned));
                for (int q = 0; q < LATER_QUERIES.size(); q++) {
                    sent = System.nanoTime();
                    server.call(2 + q, "mem_search", LATER_QUERIES.get(q));
                    laterSearches.add(millisSince(sent));
                }
            }
            try (Server server = Server.spawn(launcher, home, work)) {
                server.send(INITIALIZE);
                server.awaitId(0);
                server.send(INITIALIZED);
                server.send(TOOLS_LIST);
                server.awaitId(1);
                Thread.sleep(HOST_PAUSE_MILLIS);
                long sent = System.nanoTime();
                server.call(2, "mem_search", FIRST_QUERY);
                hostFirstSearch.add(millisSince(sent));
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds, %,d notes; load average %s before, %s after%n", rounds, NOTES,
                loadBefore, loadAverage());
        System.out.println("java -version, spawn -> exit:                     " + summary(javaVersion));
        System.out.println("memtomem-server, spawn -> initialize reply:       " + summary(initialize));
        System.out.println("first mem_search after initialize, call -> reply: " + summary(firstSearch));
        System.out.println("spawn -> first mem_search reply:                  " + summary(spawnToFirstSearch));
        System.out.println("later mem_search, call -> reply:                  " + summary(laterSearches));
        System.out.println("first mem_search as a host sends it (after tools/list and " + HOST_PAUSE_MILLIS
                + " ms), call -> reply: " + summary(hostFirstSearch));
    }

    /** A home whose store holds {@value #NOTES} indexed notes, indexed by a server of this build. */
    private Path storeOfNotes() throws Exception {
        Path home = Files.createDirectories(work.resolve("store-home"));
        Path notes = Files.createDirectories(home.resolve(".memtomem").resolve("memories"));
        for (int i = 0; i < NOTES; i++) {
            Files.writeString(notes.resolve("note-" + i + ".md"), "## Note " + i + "\n\nMeeting " + i
                    + " discussed the " + TOPICS[i % TOPICS.length] + " and the " + TOPICS[(i / 7) % TOPICS.length]
                    + ". Follow-up owner: person " + (i % 13) + ".\n");
        }
        try (Server server = Server.spawn(launcher, home, work)) {
            server.send(INITIALIZE);
            server.awaitId(0);
            server.send(INITIALIZED);
            server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"mem_index\","
                    + "\"arguments\":{\"path\":\"" + notes.toString().replace("\\", "\\\\") + "\"}}}");
            server.awaitSuccess(1, "mem_index");
        }
        return home;
    }

    static double javaVersion() throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(30, TimeUnit.SECONDS);
        return millisSince(start);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String summary(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "p50 %6.1f ms, p90 %6.1f ms (min %.1f, max %.1f, n=%d)",
                percentile(sorted, 50), percentile(sorted, 90), sorted.get(0), sorted.get(sorted.size() - 1),
                sorted.size());
    }

    /** Nearest-rank percentile of sorted values; the p50 of an even count is the mean of the middle two. */
    private static double percentile(List<Double> sorted, int p) {
        if (p == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
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

        void call(int id, String tool, String query) throws IOException {
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                    + "\",\"arguments\":{\"query\":\"" + query + "\"}}}");
            awaitSuccess(id, tool);
        }

        void awaitSuccess(int id, String tool) throws IOException {
            String reply = awaitId(id);
            if (reply.contains("\"isError\":true") || !reply.contains("\"result\"")) {
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
