package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memtomem.server.tools.Cancellation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tool calls a client can still cancel, for both transports. The SDK (2.1.0) has no handler for
 * {@code notifications/cancelled} (it logs "No handler registered" and runs the call to its end), and a tool handler
 * never learns its JSON-RPC request id. So the transport screens {@link #admit} every message before the SDK sees
 * it: a {@code tools/call} gets a server-made key in its {@code _meta} ({@value #META_KEY}), which the tool handler
 * turns back into its {@link Cancellation}; a {@code notifications/cancelled} cancels the call it names in the same
 * session and goes no further. A key never seen by a handler (the SDK refused the call first) ages out: at most
 * {@value #MAX_TRACKED} calls are tracked.
 */
public final class CancellableCalls {
    /** Where a screened {@code tools/call} carries its key; a value the client put there is replaced. */
    public static final String META_KEY = "io.memtomem/call";
    static final int MAX_TRACKED = 4096;
    private static final String CANCELLED = "notifications/cancelled";

    /** What a screen does with a message after {@link #admit}. */
    public enum Fate {
        /** Pass it to the SDK as it came. */
        UNCHANGED,
        /** Pass it to the SDK as {@link #admit} rewrote it (a tools/call with its key). */
        TAGGED,
        /** A cancellation of a running call, taken here: the SDK never sees it, and the call gets no reply. */
        CANCELLED,
        /** A cancellation naming no running call (finished, unknown, not a tool call): dropped, as the spec says. */
        IGNORED
    }

    private record Call(String request, Cancellation cancellation) {
    }

    private final Map<String, Call> byKey = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
            if (size() > MAX_TRACKED) {
                byRequest.remove(eldest.getValue().request());
                return true;
            }
            return false;
        }
    };
    private final Map<String, String> byRequest = new LinkedHashMap<>();
    private long serial;

    /**
     * Screens one inbound message of {@code session} (stdio has one; over HTTP it is the {@code Mcp-Session-Id}).
     * A {@code tools/call} request is rewritten in place.
     */
    public synchronized Fate admit(String session, JsonNode message) {
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual()) {
            return Fate.UNCHANGED;
        }
        JsonNode id = message.get("id");
        JsonNode params = message.get("params");
        if (CANCELLED.equals(method.textValue()) && id == null) {
            JsonNode requestId = params == null ? null : params.get("requestId");
            return cancel(session, requestId) ? Fate.CANCELLED : Fate.IGNORED;
        }
        if (!"tools/call".equals(method.textValue()) || !isRequestId(id) || params == null || !params.isObject()) {
            return Fate.UNCHANGED;
        }
        JsonNode meta = params.get("_meta");
        ObjectNode tagged = meta != null && meta.isObject() ? (ObjectNode) meta : ((ObjectNode) params).putObject("_meta");
        String key = Long.toString(++serial);
        tagged.put(META_KEY, key);
        String request = request(session, id);
        String replaced = byRequest.put(request, key);
        if (replaced != null) {
            byKey.remove(replaced); // the client reused the id of a call still running: the newer one is meant
        }
        byKey.put(key, new Call(request, new Cancellation()));
        return Fate.TAGGED;
    }

    /** The cancellation of the call whose {@code _meta} is {@code meta}; an untracked call gets its own. */
    public synchronized Cancellation claim(Map<String, Object> meta) {
        return keyOf(meta).map(byKey::get).map(Call::cancellation).orElseGet(Cancellation::new);
    }

    /** The call has ended (replied, or dropped after a cancellation): forget it. */
    public synchronized void done(Map<String, Object> meta) {
        keyOf(meta).map(byKey::remove).ifPresent(call -> byRequest.remove(call.request()));
    }

    /** Cancels the running call {@code requestId} of {@code session}; false when no such call is tracked. */
    private boolean cancel(String session, JsonNode requestId) {
        String key = isRequestId(requestId) ? byRequest.get(request(session, requestId)) : null;
        Call call = key == null ? null : byKey.get(key);
        if (call == null) {
            return false;
        }
        call.cancellation().cancel(); // waits at most for a progress notification being sent right now
        return true;
    }

    private static Optional<String> keyOf(Map<String, Object> meta) {
        return meta != null && meta.get(META_KEY) instanceof String key ? Optional.of(key) : Optional.empty();
    }

    private static boolean isRequestId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber());
    }

    private static String request(String session, JsonNode id) {
        return session + '\u0000' + id; // JSON text: the request ids 1 and "1" differ
    }
}
