package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.server.tools.Cancellation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellableCallsTest {
    private final ObjectMapper json = new ObjectMapper();
    private final CancellableCalls calls = new CancellableCalls();

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    private JsonNode toolCall(Object id) throws Exception {
        return parse("{\"jsonrpc\":\"2.0\",\"id\":" + json.writeValueAsString(id)
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"mem_index\",\"arguments\":{},"
                + "\"_meta\":{\"progressToken\":\"p\",\"" + CancellableCalls.META_KEY + "\":\"forged\"}}}");
    }

    private JsonNode cancel(Object id) throws Exception {
        return parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                + json.writeValueAsString(id) + ",\"reason\":\"user\"}}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> meta(JsonNode call) {
        return json.convertValue(call.path("params").path("_meta"), Map.class);
    }

    @Test
    void aCancellationReachesTheRunningCallItNamesAndNoOther() throws Exception {
        JsonNode first = toolCall(7);
        JsonNode second = toolCall(8);
        assertEquals(CancellableCalls.Fate.TAGGED, calls.admit("s", first));
        assertEquals(CancellableCalls.Fate.TAGGED, calls.admit("s", second));
        assertEquals("p", first.path("params").path("_meta").path("progressToken").asText(), "the client's meta stays");
        assertFalse(first.path("params").path("_meta").path(CancellableCalls.META_KEY).asText().equals("forged"),
                "a key the client sent is replaced");

        assertEquals(CancellableCalls.Fate.CANCELLED, calls.admit("s", cancel(7)));
        assertTrue(calls.claim(meta(first)).isCancelled());
        assertFalse(calls.claim(meta(second)).isCancelled());
    }

    @Test
    void requestIdsAreMatchedWithinTheirSessionAndByJsonType() throws Exception {
        JsonNode call = toolCall(1);
        calls.admit("a", call);
        assertEquals(CancellableCalls.Fate.IGNORED, calls.admit("b", cancel(1)), "another session's id 1");
        assertEquals(CancellableCalls.Fate.IGNORED, calls.admit("a", cancel("1")), "the string \"1\" is another id");
        assertFalse(calls.claim(meta(call)).isCancelled());
        assertEquals(CancellableCalls.Fate.CANCELLED, calls.admit("a", cancel(1)));
    }

    @Test
    void aFinishedCallCannotBeCancelledAndIsForgotten() throws Exception {
        JsonNode call = toolCall("x");
        calls.admit("s", call);
        Cancellation running = calls.claim(meta(call));
        calls.done(meta(call));
        assertEquals(CancellableCalls.Fate.IGNORED, calls.admit("s", cancel("x")));
        assertFalse(running.isCancelled());
        assertNotSame(running, calls.claim(meta(call)), "nothing is kept for a finished call");
    }

    @Test
    void otherMessagesPassUnchanged() throws Exception {
        JsonNode ping = parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        String before = ping.toString();
        assertEquals(CancellableCalls.Fate.UNCHANGED, calls.admit("s", ping));
        assertEquals(before, ping.toString());
        assertEquals(CancellableCalls.Fate.UNCHANGED,
                calls.admit("s", parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
    }

    @Test
    void untrackedCallsGetTheirOwnCancellation() {
        Cancellation one = calls.claim(Map.of());
        assertFalse(one.isCancelled());
        assertNotSame(one, calls.claim(null));
    }

    @Test
    void aCancelledCallSendsNothingMoreOnceCancelReturned() {
        Cancellation cancellation = new Cancellation();
        int[] sent = {0};
        assertTrue(cancellation.unlessCancelled(() -> sent[0]++));
        cancellation.cancel();
        assertFalse(cancellation.unlessCancelled(() -> sent[0]++));
        assertEquals(1, sent[0]);
        assertSame(true, cancellation.isCancelled());
    }
}
