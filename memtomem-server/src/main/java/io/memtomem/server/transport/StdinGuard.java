package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's view of stdin, one checked line at a time. Nothing is read before {@code ready} completes (the server
 * answers nothing until its pid lock is decided). Lines the SDK would die on are answered with a JSON-RPC error
 * frame and never reach it, as are requests the {@link RequestScreen} answers and cancellations
 * ({@link CancellableCalls}); blank lines are skipped. At EOF (or a
 * read error) it waits until every request passed on has been answered and nothing has happened for
 * {@value #QUIET_MILLIS} ms (at most {@value #CAP_SECONDS} s), then reports the end of input and only then lets the
 * SDK see it: the SDK drops every reply once its reader has seen EOF.
 */
public final class StdinGuard extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(StdinGuard.class);
    /** The SDK transport's own line limit; a longer line would stop its reader. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    static final long QUIET_MILLIS = 100;
    /** The one session of a stdio server, as {@link CancellableCalls} names sessions. */
    static final String STDIO_SESSION = "stdio";
    static final long CAP_SECONDS = 10;

    private final InputStream in;
    private final JsonRpcLineCheck check;
    private final CancellableCalls calls;
    private final ProtocolOutput out;
    private final ActivityTracker activity;
    private final Runnable onEndOfInput;
    private final CompletableFuture<Void> ready;
    private final Duration endCap;
    private byte[] line = new byte[0];
    private int position;
    private boolean ended;

    public StdinGuard(InputStream in, ObjectMapper json, McpJsonMapper mcpMapper, ProtocolOutput out,
                      RequestScreen screen, CancellableCalls calls, ActivityTracker activity, Runnable onEndOfInput,
                      CompletableFuture<Void> ready) {
        this(in, json, mcpMapper, out, screen, calls, activity, onEndOfInput, ready, Duration.ofSeconds(CAP_SECONDS));
    }

    StdinGuard(InputStream in, ObjectMapper json, McpJsonMapper mcpMapper, ProtocolOutput out, RequestScreen screen,
               CancellableCalls calls, ActivityTracker activity, Runnable onEndOfInput, CompletableFuture<Void> ready,
               Duration endCap) {
        this.endCap = endCap;
        this.in = new BufferedInputStream(in, 1 << 16);
        this.check = new JsonRpcLineCheck(json, mcpMapper, screen);
        this.calls = calls;
        this.out = out;
        this.activity = activity;
        this.onEndOfInput = onEndOfInput;
        this.ready = ready;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == line.length && !nextLine()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** What is left of the current line: lets the SDK's reader take a line without blocking for the next one. */
    @Override
    public synchronized int available() {
        return line.length - position;
    }

    private boolean nextLine() {
        ready.join();
        while (!ended) {
            byte[] raw = readRawLine();
            if (raw == null) {
                endOfInput();
                return false;
            }
            String text = new String(raw, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                continue;
            }
            JsonRpcLineCheck.Checked checked = raw.length > MAX_LINE_BYTES
                    ? new JsonRpcLineCheck.Checked(null, check.errorFrame(null, -32600, "Invalid Request"))
                    : check.check(text);
            if (checked.answer() != null) {
                LOG.debug("answered an input line of {} bytes without the SDK: {}", raw.length, checked.answer());
                try {
                    out.writeFrame(checked.answer());
                } catch (IOException e) {
                    LOG.warn("stdout is closed ({}); treating it as end of input", e.getMessage());
                    endOfInput();
                    return false;
                }
                continue;
            }
            JsonNode message = checked.message();
            switch (calls.admit(STDIO_SESSION, message)) {
                case CANCELLED -> {
                    activity.cancelled(message.path("params").get("requestId"));
                    continue;
                }
                case IGNORED -> {
                    continue;
                }
                case TAGGED -> raw = message.toString().getBytes(StandardCharsets.UTF_8);
                case UNCHANGED -> { }
            }
            line = Arrays.copyOf(raw, raw.length + 1);
            line[raw.length] = '\n';
            position = 0;
            activity.received(checked.message());
            return true;
        }
        return false;
    }

    /** The next line without its terminator, truncated past the limit; null at EOF or on a read error. */
    private byte[] readRawLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long total = 0;
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return withoutCarriageReturn(bytes.toByteArray(), total);
                }
                total++;
                if (total <= MAX_LINE_BYTES + 1) {
                    bytes.write(b);
                }
            }
        } catch (IOException e) {
            LOG.warn("reading stdin failed ({}); treating it as end of input", e.getMessage());
            return null;
        }
        return total == 0 ? null : withoutCarriageReturn(bytes.toByteArray(), total);
    }

    private static byte[] withoutCarriageReturn(byte[] bytes, long total) {
        boolean complete = total == bytes.length;
        return complete && bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    private void endOfInput() {
        ended = true;
        try {
            if (!activity.awaitQuiet(Duration.ofMillis(QUIET_MILLIS), endCap)) {
                LOG.warn("stdin closed with requests still unanswered after {}; their replies are dropped", endCap);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onEndOfInput.run();
    }
}
