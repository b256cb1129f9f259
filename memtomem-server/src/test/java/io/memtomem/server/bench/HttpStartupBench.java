package io.memtomem.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the Streamable HTTP transport costs (#16), not a test: spawn → {@code initialize} answered over HTTP beside the
 * same over stdio and {@code java -version}, cold processes taken in turns so a busy machine slows all three alike; the
 * classes each transport loads by then (and how many of them the AppCDS archive holds); and the jars Jetty adds to the
 * server's class path and to the release zip. Usage:
 * {@code HttpStartupBench <repo root> [rounds]} after {@code mvn package -DskipTests}.
 */
public final class HttpStartupBench {
    private static final String URL_MARKER = "serving MCP (Streamable HTTP) at ";

    private final Path root;
    private final Path launcher;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpStartupBench(Path root, Path work) {
        this.root = root;
        this.launcher = root.resolve("bin").resolve("memtomem-server");
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        StartupBench.inWorkDir(args, 15, "memtomem-http-bench-",
                (root, work, rounds) -> new HttpStartupBench(root, work).run(rounds));
    }

    private void run(int rounds) throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("run"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        double loadBefore = load();
        List<Double> javaVersion = new ArrayList<>();
        List<Double> stdio = new ArrayList<>();
        List<Double> stdioCpu = new ArrayList<>();
        List<Double> listening = new ArrayList<>();
        List<Double> overHttp = new ArrayList<>();
        List<Double> httpCpu = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            javaVersion.add(StartupBench.javaVersion());
            double[] overStdio = stdioInitialize(home, "");
            stdio.add(overStdio[0]);
            stdioCpu.add(overStdio[1]);
            double[] times = httpInitialize(home, "");
            listening.add(times[0]);
            overHttp.add(times[1]);
            httpCpu.add(times[2]);
        }
        System.out.printf(Locale.ROOT, "spawn -> answer, %d cold runs each, in turns (load average %.2f before, "
                + "%.2f after):%n", rounds, loadBefore, load());
        System.out.println("  java -version, spawn -> exit:                " + StartupBench.summary(javaVersion));
        System.out.println("  stdio: spawn -> initialize reply:            " + StartupBench.summary(stdio));
        System.out.println("  http:  spawn -> URL printed (listening):     " + StartupBench.summary(listening));
        System.out.println("  http:  spawn -> initialize reply over HTTP:  " + StartupBench.summary(overHttp));
        System.out.printf(Locale.ROOT, "  http - stdio, p50:                           %+.0f ms%n",
                median(overHttp) - median(stdio));
        System.out.println("CPU time (user + sys) of the server by its initialize reply, less skewed by a busy machine:");
        System.out.println("  stdio: " + StartupBench.summary(stdioCpu));
        System.out.println("  http:  " + StartupBench.summary(httpCpu));

        Path stdioClasses = work.resolve("stdio-classes.log");
        Path httpClasses = work.resolve("http-classes.log");
        stdioInitialize(home, "-Xlog:class+load=info:file=" + stdioClasses);
        httpInitialize(home, "-Xlog:class+load=info:file=" + httpClasses);
        System.out.println("classes loaded by the initialize reply (one more run each, -Xlog:class+load):");
        System.out.println("  stdio: " + classes(stdioClasses));
        System.out.println("  http:  " + classes(httpClasses));
        httpTrainedArchive(home, rounds);

        System.out.println("class path Jetty adds (memtomem-server/target/lib):");
        long all = 0;
        long jetty = 0;
        int jettyJars = 0;
        try (Stream<Path> jars = Files.list(root.resolve("memtomem-server/target/lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                long size = Files.size(jar);
                all += size;
                if (name.startsWith("jetty-") || name.startsWith("jakarta.servlet")) {
                    jetty += size;
                    jettyJars++;
                    System.out.printf(Locale.ROOT, "  %-36s %7.0f KB%n", name, size / 1024.0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "  %d jars, %.2f MB of %.1f MB (%.1f%% of the server's class path; "
                + "most of the rest is the ONNX runtime and bundled models)%n", jettyJars, jetty / 1e6, all / 1e6,
                100.0 * jetty / all);
        releaseArchive();
    }

    /** The same jars' compressed share of the release zip, when {@code memtomem-dist} has been packaged. */
    private void releaseArchive() throws IOException {
        Path dist = root.resolve("memtomem-dist/target");
        if (!Files.isDirectory(dist)) {
            System.out.println("release archive: not built (mvn package builds memtomem-dist/target/*.zip)");
            return;
        }
        try (Stream<Path> files = Files.list(dist)) {
            for (Path zip : files.filter(file -> file.toString().endsWith(".zip")).sorted().toList()) {
                long all = 0;
                long jetty = 0;
                try (ZipFile archive = new ZipFile(zip.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                        all += entry.getCompressedSize();
                        if (name.startsWith("jetty-") || name.startsWith("jakarta.servlet")) {
                            jetty += entry.getCompressedSize();
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "release archive %s: Jetty %.2f MB of %.1f MB (%.1f%%)%n",
                        zip.getFileName(), jetty / 1e6, all / 1e6, 100.0 * jetty / all);
            }
        }
    }

    /**
     * The shipped AppCDS archive is trained on a stdio session, so none of Jetty's classes are in it. This archives
     * one HTTP start (a dynamic archive on the JDK's base one) and compares, in turns, what the server spends by its
     * initialize reply with each: what training the HTTP path as well would save.
     */
    private void httpTrainedArchive(Path home, int rounds) throws Exception {
        Path base = Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa");
        if (!Files.isRegularFile(base)) {
            System.out.println("archive trained on the HTTP path: skipped, this JDK has no base archive " + base);
            return;
        }
        Path trained = work.resolve("http-trained.jsa");
        httpInitialize(home, "-XX:SharedArchiveFile=" + base + " -XX:ArchiveClassesAtExit=" + trained);
        List<Double> shipped = new ArrayList<>();
        List<Double> withHttp = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            shipped.add(httpInitialize(home, "")[2]);
            withHttp.add(httpInitialize(home, "-XX:SharedArchiveFile=" + trained)[2]);
        }
        System.out.println("http: CPU time by the initialize reply, shipped archive vs one trained on an HTTP start:");
        System.out.println("  shipped (stdio-trained): " + StartupBench.summary(shipped));
        System.out.println("  HTTP-trained:            " + StartupBench.summary(withHttp));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private ProcessBuilder server(Path home, String javaOpts, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MEMTOMEM_"));
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home")); // the JVM the trained archive below is made for
        env.put("MEMTOMEM_JAVA_OPTS", ("-Duser.home=" + home + " " + javaOpts).strip());
        env.put("_MEMTOMEM_TEST_RUNTIME_DIR", work.resolve("run").toString());
        env.put("_MEMTOMEM_TEST_MODE", "1");
        return builder;
    }

    /** Spawn → the initialize reply on stdout, and the CPU time spent by then; then stdin is closed. */
    private double[] stdioInitialize(Path home, String javaOpts) throws Exception {
        long start = System.nanoTime();
        Process process = server(home, javaOpts).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = process.getOutputStream();
             BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8))) {
            stdin.write((StartupBench.INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                if (line.contains("\"id\":0,")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    double cpu = cpuMillis(process);
                    stdin.close();
                    stop(process);
                    return new double[] {millis, cpu};
                }
            }
        }
        stop(process);
        throw new IOException("the stdio server exited before answering initialize");
    }

    /**
     * Spawn → the URL on stderr (on a free port: {@code --port 0}) → the initialize reply of a POST to it, as a
     * client that knows the URL sees it, and the CPU time spent by then; then the server is sent SIGTERM.
     */
    private double[] httpInitialize(Path home, String javaOpts) throws Exception {
        long start = System.nanoTime();
        Process process = server(home, javaOpts, "--transport", "http", "--port", "0").start();
        process.getOutputStream().close();
        try {
            String url = awaitUrl(process).get(60, TimeUnit.SECONDS);
            double listening = (System.nanoTime() - start) / 1e6;
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(StartupBench.INITIALIZE)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double answered = (System.nanoTime() - start) / 1e6;
            if (reply.statusCode() != 200 || !reply.body().contains("protocolVersion")) {
                throw new IOException("initialize over HTTP answered " + reply.statusCode() + ": " + reply.body());
            }
            return new double[] {listening, answered, cpuMillis(process)};
        } finally {
            stop(process);
        }
    }

    private static CompletableFuture<String> awaitUrl(Process server) {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains(URL_MARKER)) {
                        url.complete(line.substring(line.indexOf(URL_MARKER) + URL_MARKER.length()).split(" ")[0]);
                    }
                }
                url.completeExceptionally(new IOException("the HTTP server exited without printing its URL"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        }, "bench-stderr");
        reader.setDaemon(true);
        reader.start();
        return url;
    }

    /** The launcher execs the JVM, so the process's CPU time is the server's. */
    private static double cpuMillis(Process process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6).orElse(Double.NaN);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Classes in a class+load log: all of them, and Jetty's and the Servlet API's. */
    private static String classes(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        long jetty = lines.stream().filter(line -> line.contains(" org.eclipse.jetty.")).count();
        long servlet = lines.stream().filter(line -> line.contains(" jakarta.servlet.")).count();
        long shared = lines.stream().filter(line -> line.contains("shared objects file")).count();
        long jettyShared = lines.stream().filter(line -> line.contains(" org.eclipse.jetty.")
                && line.contains("shared objects file")).count();
        return String.format(Locale.ROOT, "%d classes, %d of them from the AppCDS archive (Jetty %d, %d of them "
                + "from the archive; jakarta.servlet %d)", lines.size(), shared, jetty, jettyShared, servlet);
    }

    private static double median(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }
}
