package io.memtomem.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.LoggerFactory;

/**
 * Jackson's first use of the MCP records (annotation introspection, ~100 ms on a cold JVM) happens on a spare thread
 * while the server is being built, instead of after the host's initialize request has arrived. Same mapper
 * instances as the transport, so their caches are what gets warmed.
 */
final class ProtocolWarmup {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true}},"
            + "\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"1\"}}}";

    private ProtocolWarmup() {
    }

    static void start(ObjectMapper json, McpJsonMapper mapper) {
        Thread thread = new Thread(() -> run(json, mapper), "memtomem-protocol-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run(ObjectMapper json, McpJsonMapper mapper) {
        try {
            json.readTree(INITIALIZE);
            var request = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper, INITIALIZE);
            McpSchema.InitializeRequest initialize = mapper.convertValue(request.params(),
                    new TypeRef<McpSchema.InitializeRequest>() { });
            mapper.writeValueAsString(McpSchema.JSONRPCResponse.result(request.id(), new McpSchema.InitializeResult(
                    initialize.protocolVersion(), McpSchema.ServerCapabilities.builder().tools(false).build(),
                    McpSchema.Implementation.builder("memtomem", "warm-up").build(), "warm-up")));
        } catch (Exception e) {
            LoggerFactory.getLogger(ProtocolWarmup.class).debug("protocol warm-up skipped: {}", e.toString());
        }
    }
}
