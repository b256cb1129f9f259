package io.memtomem.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server process driven over a raw stdio pipe with hand-written JSON-RPC lines: for what the SDK client cannot do
 * (close stdin while a call is in flight, send malformed frames). Every stdout line is parsed; a line that is not
 * JSON is kept in {@link #nonJsonLines()} because it would break a real MCP host.
 */
final class RawMcpSession {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration OUTPUT_DRAIN_BOUND = Duration.ofSeconds(5);

    private final AtomicLong nextId = new AtomicLong(1);
    private final Process process;
    private final OutputStream stdin;
    private final Map<Long, JsonNode> responsesById = new ConcurrentHashMap<>();
    private final List<JsonNode> responsesWithoutId = new CopyOnWriteArrayList<>();
    private final List<String> nonJsonLines = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final LineBuffer stdout;
    private final LineBuffer stderr;

    private RawMcpSession(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdout = LineBuffer.drain(process.getInputStream(), "raw-mcp-stdout-" + process.pid(), this::onStdoutLine);
        this.stderr = LineBuffer.drain(process.getErrorStream(), "raw-mcp-stderr-" + process.pid());
    }

    /** Starts {@code bin/memtomem-server} in the sandbox and completes the MCP handshake. */
    static RawMcpSession start(Sandbox sandbox) {
        return start(sandbox, Launchers.server());
    }

    /** Starts {@code command}, whose stdio is (or is passed on to) a server's, and completes the MCP handshake. */
    static RawMcpSession start(Sandbox sandbox, List<String> command) {
        RawMcpSession session = new RawMcpSession(sandbox.processes().start(sandbox.processBuilder(command)));
        session.initialize();
        return session;
    }

    private void onStdoutLine(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            message = null;
        }
        if (message != null && message.isObject()) {
            received.add(message);
        }
        if (message == null || !message.isObject()) {
            nonJsonLines.add(line);
        } else if (!message.has("method")) { // a response; notifications and server requests carry a method
            JsonNode id = message.path("id");
            if (id.canConvertToLong()) {
                responsesById.put(id.asLong(), message);
            } else {
                responsesWithoutId.add(message);
            }
        }
    }

    private void initialize() {
        ObjectNode params = JSON.createObjectNode();
        params.put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "memtomem-it-raw").put("version", "1");
        JsonNode reply = await(request("initialize", params), CALL_TIMEOUT);
        if (!reply.has("result")) {
            throw new AssertionError("initialize failed: " + reply);
        }
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** Sends a request with the next id and returns that id. */
    long request(String method, JsonNode params) {
        long id = nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.set("params", params);
        send(message.toString());
        return id;
    }

    long callTool(String tool, Map<String, ?> arguments) {
        ObjectNode params = JSON.createObjectNode();
        params.put("name", tool);
        params.set("arguments", JSON.valueToTree(arguments));
        return request("tools/call", params);
    }

    /** Calls {@code tool}, waits for the reply, asserts it succeeded, and returns its text. */
    String callOk(String tool, Map<String, ?> arguments) {
        JsonNode reply = await(callTool(tool, arguments), CALL_TIMEOUT);
        if (isError(reply)) {
            throw new AssertionError(tool + " " + arguments + " failed: " + reply);
        }
        return text(reply);
    }

    /** Writes one line as is: a frame, or deliberately not one. */
    void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("server stdin closed; stderr:\n" + stderr.text(), e);
        }
    }

    JsonNode await(long id, Duration timeout) {
        return Await.value(timeout, () -> "reply to request " + id + "; stderr:\n" + stderr.text(),
                () -> Optional.ofNullable(responsesById.get(id)));
    }

    Optional<JsonNode> response(long id) {
        return Optional.ofNullable(responsesById.get(id));
    }

    int responseCount() {
        return responsesById.size();
    }

    /** Error replies the server could not tie to a request id (answers to lines that were not valid JSON-RPC). */
    List<JsonNode> responsesWithoutId() {
        return List.copyOf(responsesWithoutId);
    }

    /** Every JSON-RPC message the server wrote (replies, notifications), in the order it wrote them. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<String> nonJsonLines() {
        return List.copyOf(nonJsonLines);
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    /** Asserts the process ends within {@code bound} and returns its exit status; its replies are all read then. */
    int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server still running " + bound.toMillis() + " ms later; stderr:\n"
                        + stderr.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        stdout.awaitEnd(OUTPUT_DRAIN_BOUND);
        return process.exitValue();
    }

    LineBuffer stderr() {
        return stderr;
    }

    /** Text of a {@code tools/call} result, or the JSON-RPC error message. */
    static String text(JsonNode reply) {
        if (reply.has("error")) {
            return reply.get("error").path("message").asText();
        }
        StringBuilder text = new StringBuilder();
        reply.path("result").path("content").forEach(part -> text.append(part.path("text").asText()));
        return text.toString();
    }

    /** A JSON-RPC error, or a tool result flagged {@code isError} or starting with "Error" (memory-core.md §7.5). */
    static boolean isError(JsonNode reply) {
        return reply.has("error")
                || reply.path("result").path("isError").asBoolean(false)
                || text(reply).startsWith("Error");
    }
}
