package io.memtomem.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.server.tools.Operation;
import io.memtomem.server.tools.ResultCap;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.transport.ActivityTracker;
import io.memtomem.server.transport.CancellableCalls;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolBridgeTest {
    private static final Supplier<ResultCap> CAP = () -> ResultCap.fromEnvironment(Map.of());
    private final ObjectMapper json = new ObjectMapper();
    private final CancellableCalls calls = new CancellableCalls();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A tool that runs until released, as a long search or index does, then reports whether it saw the cancel. */
    private final Operation slow = new Operation("mem_search", "core", "slow", InputSchema.of(), call -> {
        started.countDown();
        awaitRelease();
        return "done, cancelled=" + call.cancellation().isCancelled();
    });

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private McpSchema.CallToolRequest admitted(JsonNode message) {
        calls.admit("stdio", message);
        return json.convertValue(message.get("params"), McpSchema.CallToolRequest.class);
    }

    private JsonNode message(String text) throws Exception {
        return json.readTree(text);
    }

    private CompletableFuture<McpSchema.CallToolResult> run(McpSchema.CallToolRequest request) {
        McpServerFeatures.SyncToolSpecification specification =
                ToolBridge.specification(slow, new ActivityTracker(), calls, CAP);
        return CompletableFuture.supplyAsync(() -> specification.callHandler().apply(null, request));
    }

    @Test
    void aCallCancelledWhileRunningSendsNoReplyAndTheToolSawTheCancellation() throws Exception {
        McpSchema.CallToolRequest request = admitted(message(
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"mem_search\"}}"));
        CompletableFuture<McpSchema.CallToolResult> reply = run(request);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertEquals(CancellableCalls.Fate.CANCELLED, calls.admit("stdio", message(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}")));
        release.countDown();
        assertNull(reply.get(30, TimeUnit.SECONDS), "null: the SDK sends no reply for an empty result");
    }

    @Test
    void anUncancelledCallIsAnsweredAsBefore() throws Exception {
        McpSchema.CallToolRequest request = admitted(message(
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"mem_search\"}}"));
        release.countDown();
        McpSchema.CallToolResult result = run(request).get(30, TimeUnit.SECONDS);
        assertNotNull(result);
        assertEquals("done, cancelled=false", ((McpSchema.TextContent) result.content().get(0)).text());
    }
}
