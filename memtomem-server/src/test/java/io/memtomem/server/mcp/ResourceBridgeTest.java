package io.memtomem.server.mcp;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.NotFoundException;
import io.memtomem.server.tools.MemoryResource;
import io.memtomem.server.transport.ActivityTracker;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResourceBridgeTest {
    private static final String URI = "memtomem://chunks/x";
    private final ActivityTracker activity = new ActivityTracker();

    private static MemoryResource failingWith(RuntimeException failure) {
        return new MemoryResource("memtomem://chunks/{chunk_id}", "chunk", "test", uri -> {
            throw failure;
        });
    }

    private McpSchema.JSONRPCResponse.JSONRPCError errorOf(RuntimeException failure) {
        return assertThrows(McpError.class, () -> ResourceBridge.read(failingWith(failure), URI, activity))
                .getJsonRpcError();
    }

    @Test
    void readReturnsTheJsonTextUnderTheRequestedUri() {
        MemoryResource resource = new MemoryResource("memtomem://stats", "stats", "test", uri -> "{\"n\":1}");
        McpSchema.ReadResourceResult result = ResourceBridge.read(resource, "memtomem://stats", activity);
        McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) result.contents().get(0);
        assertEquals("memtomem://stats", contents.uri());
        assertEquals("application/json", contents.mimeType());
        assertEquals("{\"n\":1}", contents.text());
    }

    @Test
    void failuresBecomeJsonRpcErrorsByKind() {
        McpSchema.JSONRPCResponse.JSONRPCError bad = errorOf(new InvalidInputException("chunk_id", "invalid id"));
        assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, bad.code());
        assertEquals("invalid id", bad.message());

        McpSchema.JSONRPCResponse.JSONRPCError missing = errorOf(new NotFoundException("Chunk x not found."));
        assertEquals(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, missing.code());
        assertEquals("Chunk x not found.", missing.message());
        assertEquals(Map.of("uri", URI), missing.data());

        assertEquals("store locked", errorOf(new MemtomemException("store locked")).message());
        McpSchema.JSONRPCResponse.JSONRPCError bug = errorOf(new IllegalStateException("boom"));
        assertEquals(McpSchema.ErrorCodes.INTERNAL_ERROR, bug.code());
        assertEquals("internal error (the server log has the details)", bug.message(), "no Java class name");
    }
}
