package io.memtomem.cli;

import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.common.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Cold-process wall time of {@code bin/mm --version}, {@code search}, {@code status} and {@code add} on a 1,000-note
 * store, beside {@code java -version} (the floor any JVM start pays) and qmd's {@code qmd search} over the same notes,
 * all in one run with the commands taking turns, so a busy machine slows every one alike. Prints p50/p90 per command
 * and the #17 targets: {@code mm search} − {@code mm --version} ≤ 60 ms, and search/status/add ≤ qmd search.
 * Not a test: run after {@code package} with
 * <pre>mvn -B -ntp -q -pl memtomem-cli exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.memtomem.cli.CliStartupBench [-Dexec.args=RUNS] \
 *     [-Dqmd.node=/path/to/node22/bin/node -Dqmd.bin=/path/to/@tobilu/qmd/bin/qmd]</pre>
 * qmd (npm {@code @tobilu/qmd} 2.8.x, Node 22+) is found through {@code -Dqmd.node}/{@code -Dqmd.bin} or the
 * {@code QMD_NODE}/{@code QMD_BIN} environment variables and skipped with the reason when absent; it runs with its own
 * HOME and XDG dirs in the bench's temp dir. {@code JAVA_HOME} chooses the Java both {@code bin/mm} and
 * {@code java -version} use (e.g. a Java 25 to measure the AOT cache).
 */
public final class CliStartupBench {
    private static final int NOTES = 1000;
    private static final String QUERY = "certificates";
    private static final List<String> TOPICS = List.of("deploy", "certificates", "failover", "drill", "kubernetes",
            "rotation", "backup", "postgres", "latency", "alert", "pager", "runbook", "incident", "review", "budget",
            "meeting", "design", "api", "cache", "index", "token", "search", "vector", "memory", "agent", "release",
            "freeze", "rollback", "canary", "quota", "region", "replica", "migration", "schema", "dashboard", "oncall");

    private CliStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path root = Files.createTempDirectory("mm-bench-");
        try {
            CliHarness cli = CliHarness.in(root);
            Launcher mm = new Launcher(cli);
            Path notes = root.resolve("notes");
            writeNotes(notes);
            require(mm.run("init", "--non-interactive"));
            require(mm.run("index", notes.toString()));

            Map<String, IntFunction<Long>> commands = new LinkedHashMap<>();
            commands.put("java -version", i -> time(List.of(javaBinary(), "-version"), mm::isolate));
            commands.put("mm --version", i -> time(Launcher.command("--version"), mm::isolate));
            commands.put("mm search", i -> time(Launcher.command("search", QUERY), mm::isolate));
            commands.put("mm status", i -> time(Launcher.command("status"), mm::isolate));
            commands.put("mm add", i -> time(Launcher.command("add", "Bench entry " + i + " about certificates",
                    "--tags", "ops"), mm::isolate));
            String qmdStatus = Qmd.find(root, notes)
                    .map(qmd -> {
                        commands.put("qmd search", i -> time(qmd.command("search", QUERY), qmd::isolate));
                        return "qmd " + qmd.version();
                    })
                    .orElseGet(Qmd::absentReason);

            System.out.printf(Locale.ROOT, "%d notes, %d runs per command after 1 warm-up, commands in turns; %s;"
                    + " launch archives: %s; %s; load %s%n", NOTES, runs, javaVersion(), archives(), qmdStatus,
                    loadAverage());
            Map<String, long[]> millis = alternate(commands, runs);
            millis.forEach((label, times) -> System.out.printf(Locale.ROOT,
                    "%-14s p50 %4d ms   p90 %4d   min %4d   max %4d%n", label, p(times, 50), p(times, 90), times[0],
                    times[times.length - 1]));
            System.out.printf(Locale.ROOT, "load %s at the end%n", loadAverage());
            printTargets(millis);
        } finally {
            FileTrees.deleteRecursively(root);
        }
    }

    /** Every round runs each command once, in order; a warm-up round first (page cache, archives). */
    private static Map<String, long[]> alternate(Map<String, IntFunction<Long>> commands, int runs) {
        commands.values().forEach(command -> command.apply(-1));
        Map<String, long[]> millis = new LinkedHashMap<>();
        commands.keySet().forEach(label -> millis.put(label, new long[runs]));
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, IntFunction<Long>> command : commands.entrySet()) {
                millis.get(command.getKey())[i] = command.getValue().apply(i);
            }
        }
        millis.values().forEach(Arrays::sort);
        return millis;
    }

    private static void printTargets(Map<String, long[]> millis) {
        long search = p(millis.get("mm search"), 50);
        long overVersion = search - p(millis.get("mm --version"), 50);
        System.out.printf(Locale.ROOT, "mm search - mm --version (p50): %d ms (target <= 60: %s)%n", overVersion,
                overVersion <= 60 ? "met" : "missed");
        long[] qmd = millis.get("qmd search");
        if (qmd == null) {
            return;
        }
        long qmdSearch = p(qmd, 50);
        for (String label : List.of("mm search", "mm status", "mm add")) {
            long ours = p(millis.get(label), 50);
            System.out.printf(Locale.ROOT, "%s p50 %d ms vs qmd search %d ms: %+d ms (target <= 0: %s)%n", label,
                    ours, qmdSearch, ours - qmdSearch, ours <= qmdSearch ? "met" : "missed");
        }
    }

    /**
     * Notes of three sections of 60 words: one topic word per note (so a query for a topic matches about one note in
     * {@code TOPICS.size()}, as a real query matches a few notes, not all) in filler from a 5,000-word vocabulary.
     * The same notes on every run (seeded).
     */
    private static void writeNotes(Path notes) throws IOException {
        Files.createDirectories(notes);
        Random random = new Random(17);
        for (int n = 0; n < NOTES; n++) {
            String topic = TOPICS.get(n % TOPICS.size());
            StringBuilder text = new StringBuilder("# Note " + n + " on " + topic + "\n\n");
            for (int section = 0; section < 3; section++) {
                text.append("## Section ").append(section).append("\n\n");
                List<String> words = new ArrayList<>();
                for (int w = 0; w < 60; w++) {
                    words.add(w == section * 7 ? topic : "w" + Math.min(random.nextInt(5000), random.nextInt(5000)));
                }
                text.append(String.join(" ", words)).append(".\n\n");
            }
            Files.writeString(notes.resolve(String.format(Locale.ROOT, "note-%04d.md", n)), text);
        }
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
    }

    private static long time(List<String> command, Consumer<Map<String, String>> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment.accept(builder.environment());
        long start = System.nanoTime();
        try {
            int code = builder.start().waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + code);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** qmd on Node, with its index and config in the bench's temp dir, over the bench's notes. */
    private record Qmd(String node, String bin, Path home) {
        static Optional<Qmd> find(Path root, Path notes) {
            String node = setting("qmd.node", "QMD_NODE");
            String bin = setting("qmd.bin", "QMD_BIN");
            if (node == null || bin == null || !Files.isExecutable(Path.of(node))
                    || !Files.isRegularFile(Path.of(bin))) {
                return Optional.empty();
            }
            Qmd qmd = new Qmd(node, bin, root.resolve("qmd"));
            time(qmd.command("collection", "add", notes.toString()), qmd::isolate);
            return Optional.of(qmd);
        }

        static String absentReason() {
            return "qmd skipped: set -Dqmd.node=<node 22+> and -Dqmd.bin=<@tobilu/qmd/bin/qmd>"
                    + " (or QMD_NODE/QMD_BIN) to compare";
        }

        private static String setting(String property, String variable) {
            String value = System.getProperty(property);
            return value != null && !value.isBlank() ? value : System.getenv(variable);
        }

        List<String> command(String... args) {
            List<String> command = new ArrayList<>(List.of(node, bin));
            command.addAll(List.of(args));
            return command;
        }

        void isolate(Map<String, String> env) {
            env.put("HOME", home.resolve("home").toString());
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
            env.put("XDG_DATA_HOME", home.resolve("data").toString());
        }

        String version() {
            Path manifest = Path.of(bin).getParent().resolveSibling("package.json");
            try {
                String json = Files.readString(manifest);
                int at = json.indexOf("\"version\"");
                return at < 0 ? "?" : json.substring(at).split("\"")[3];
            } catch (IOException e) {
                return "?";
            }
        }
    }

    /** Which AppCDS archives and AOT caches bin/mm finds for this checkout. */
    private static String archives() throws IOException {
        Path target = Launcher.script().getParent().resolveSibling("memtomem-cli/target");
        try (var files = Files.list(target)) {
            String found = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jsa") || name.endsWith(".aot")).sorted()
                    .collect(Collectors.joining(", "));
            return found.isEmpty() ? "none" : found;
        }
    }

    private static String javaVersion() {
        String javaHome = System.getenv("JAVA_HOME");
        Path release = Path.of(javaHome != null ? javaHome : System.getProperty("java.home"), "release");
        try {
            return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> "Java " + line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst().orElse("Java ?");
        } catch (IOException | RuntimeException e) {
            return "Java " + System.getProperty("java.version") + " (the bench's)";
        }
    }

    /** Other processes on a 2-core machine inflate wall times; the 1-minute load average says by how much. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException notLinux) {
            return "unknown";
        }
    }

    private static String javaBinary() {
        String javaHome = System.getenv("JAVA_HOME");
        return javaHome != null && Files.isExecutable(Path.of(javaHome, "bin", "java"))
                ? Path.of(javaHome, "bin", "java").toString() : "java";
    }

    private static void require(Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.toString());
        }
    }
}
