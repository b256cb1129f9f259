package io.memtomem.server.training;

import io.memtomem.core.config.Environment;
import io.memtomem.server.ServerProcess;
import io.memtomem.server.logging.ServerLog;
import io.memtomem.server.transport.ProtocolOutput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The AppCDS training run ({@code Main --train}, run by the build with {@code -XX:ArchiveClassesAtExit}): a real
 * server on piped streams and a throw-away home goes through what a host does first (initialize, tools/list, a
 * malformed line, a write, a search, a status) and then stdin EOF, so the archive holds the classes of a real start
 * and of the first tool call. Never fails the build: any problem is reported as a warning and the run exits 0.
 */
public final class TrainingRun {
    private static final long TIMEOUT_SECONDS = 120;
    /**
     * The server and the scripted host each block for the whole run, so each needs a thread of its own: on Java 25
     * with two CPUs the common pool has a single worker, and the host's script would wait behind the server forever.
     */
    private static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "memtomem-training");
        thread.setDaemon(true);
        thread.start();
    };
    /** A line sent to the server and the text its reply contains (null: a notification, no reply). */
    private record Step(String line, String reply) {
    }

    private static final Step[] SCRIPT = {
        new Step("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"appcds-training","version":"1"}}}""", "\"id\":1,"),
        new Step("""
                {"jsonrpc":"2.0","method":"notifications/initialized"}""", null),
        new Step("""
                {"jsonrpc":"2.0","id":2,"method":"tools/list"}""", "\"id\":2,"),
        new Step("not json", "\"code\":-32700"),
        new Step("""
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"mem_add","arguments":\
                {"content":"AppCDS training note about redis caching.","title":"Training","tags":["training"]}}}""",
                "\"id\":3,"),
        new Step("""
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"mem_search","arguments":\
                {"query":"redis caching"}}}""", "\"id\":4,"),
        new Step("""
                {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"mem_status","arguments":{}}}""",
                "\"id\":5,"),
    };

    private TrainingRun() {
    }

    public static int run() {
        // the build log shows only problems: the scripted session's own log lines are routine
        ServerLog log = ServerLog.install(Map.of("MEMTOMEM_LOG_LEVEL", "error"));
        Path home = null;
        try {
            home = Files.createTempDirectory("memtomem-appcds-");
            Environment environment = new Environment(home, Map.of(), home);
            PipedOutputStream toServer = new PipedOutputStream();
            PipedInputStream serverStdin = new PipedInputStream(toServer, 1 << 16);
            PipedInputStream fromServer = new PipedInputStream(1 << 20);
            ProtocolOutput serverStdout = new ProtocolOutput(new PipedOutputStream(fromServer));
            CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> {
                try {
                    return new ServerProcess(environment, serverStdin, serverStdout, log, false).run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }, OWN_THREAD);
            CompletableFuture<Void> conversation = CompletableFuture.runAsync(() -> converse(toServer, fromServer),
                    OWN_THREAD);
            server.thenAccept(status -> conversation.completeExceptionally(
                    new IllegalStateException("the server stopped early with status " + status)));
            conversation.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("memtomem-server: warning: AppCDS training run failed (" + e
                    + "); bin/memtomem-server will start without its AppCDS archive or with a partial one");
        } finally {
            deleteQuietly(home);
        }
        return 0;
    }

    /** Sends each line, waits for the reply to each request, then closes stdin. */
    private static void converse(PipedOutputStream toServer, PipedInputStream fromServer) {
        try (Writer out = new OutputStreamWriter(toServer, StandardCharsets.UTF_8)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
            for (Step step : SCRIPT) {
                out.write(step.line() + "\n");
                out.flush();
                if (step.reply() != null) {
                    awaitReply(in, step.reply());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReply(BufferedReader in, String marker) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains(marker)) {
                return;
            }
        }
        throw new IOException("server closed its output before answering " + marker);
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("memtomem-server: could not remove " + root + " (" + e.getMessage() + ")");
        }
    }
}
