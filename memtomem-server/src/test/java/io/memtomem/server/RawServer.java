package io.memtomem.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A server process driven by raw JSON lines, for what the SDK client cannot do: write malformed input, close stdin
 * right after a request, watch the exit. Every stdout line must be a JSON-RPC frame. Closing always kills it.
 */
final class RawServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread stdoutPump;

    private RawServer(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        stdoutPump = pump(process.getInputStream(), stdout::add, "stdout");
        pump(process.getErrorStream(), this::addStderr, "stderr");
    }

    static RawServer start(ServerLaunch launch) throws IOException {
        return new RawServer(launch.processBuilder(launch.command()).start());
    }

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    /** Sends initialize (id 0) + initialized and returns the initialize result. */
    JsonNode initialize() {
        send(INITIALIZE);
        JsonNode reply = awaitReply(0);
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return reply.get("result");
    }

    void callTool(int id, String tool, String argumentsJson) {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}");
    }

    void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    JsonNode awaitReply(int id) {
        return awaitFrame(frame -> frame.path("id").isInt() && frame.get("id").asInt() == id);
    }

    /** The next stdout frame matching {@code wanted} (others are skipped); fails after the timeout. */
    JsonNode awaitFrame(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + ServerLaunch.TIMEOUT.toNanos();
        while (true) {
            Optional<JsonNode> frame = pollFrame(Duration.ofNanos(deadline - System.nanoTime()));
            if (frame.isEmpty()) {
                return fail("no matching frame within " + ServerLaunch.TIMEOUT + "; stderr: " + stderr());
            }
            if (wanted.test(frame.get())) {
                return frame.get();
            }
        }
    }

    /** The next stdout frame, or empty when none arrives within {@code within}. */
    Optional<JsonNode> pollFrame(Duration within) {
        try {
            String line = stdout.poll(within.toNanos(), TimeUnit.NANOSECONDS);
            return line == null ? Optional.empty() : Optional.of(frame(line));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every frame not read yet, once the process has exited and all of its stdout has arrived. */
    List<JsonNode> remainingFramesAfterExit() throws InterruptedException {
        assertFalse(process.isAlive(), "the server is still running");
        stdoutPump.join(ServerLaunch.TIMEOUT.toMillis());
        List<JsonNode> frames = new ArrayList<>();
        for (String line = stdout.poll(); line != null; line = stdout.poll()) {
            frames.add(frame(line));
        }
        return frames;
    }

    private static JsonNode frame(String line) {
        JsonNode frame;
        try {
            frame = JSON.readTree(line);
        } catch (IOException e) {
            return fail("stdout carried a non-JSON line: " + e.getMessage());
        }
        assertTrue(frame.isObject() && "2.0".equals(frame.path("jsonrpc").asText()),
                () -> "stdout carried a non-frame line: " + line);
        return frame;
    }

    int awaitExit(Duration within) throws InterruptedException {
        assertTrue(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS),
                () -> "server still running after " + within + "; stderr: " + stderr());
        return process.exitValue();
    }

    synchronized List<String> stderr() {
        return List.copyOf(stderr);
    }

    private synchronized void addStderr(String line) {
        stderr.add(line);
        notifyAll();
    }

    /** Waits until stderr has a line containing {@code text} and returns it. */
    synchronized String awaitStderr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + ServerLaunch.TIMEOUT.toNanos();
        while (true) {
            for (String line : stderr) {
                if (line.contains(text)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("stderr never contained '" + text + "': " + stderr);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(ServerLaunch.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "raw-server-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
