package io.memtomem.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-use costs paid on a spare thread while the server starts, instead of on the way to the initialize reply or
 * the first tool call: Jackson's introspection of the MCP records an initialize and a tools/call exchange use (~100 ms
 * on a cold JVM). The mapper instances are the transport's, so their caches are what gets warmed.
 */
final class ProtocolWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolWarmup.class);
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true}},"
            + "\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"1\"}}}";
    private static final String TOOL_CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"mem_search\",\"arguments\":{\"query\":\"warm-up\"}}}";

    private ProtocolWarmup() {
    }

    static void start(ObjectMapper json, McpJsonMapper mapper) {
        Thread thread = new Thread(() -> warmJackson(json, mapper), "memtomem-protocol-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmJackson(ObjectMapper json, McpJsonMapper mapper) {
        try {
            json.readTree(INITIALIZE);
            var request = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper, INITIALIZE);
            McpSchema.InitializeRequest initialize = mapper.convertValue(request.params(),
                    new TypeRef<McpSchema.InitializeRequest>() { });
            mapper.writeValueAsString(McpSchema.JSONRPCResponse.result(request.id(), new McpSchema.InitializeResult(
                    initialize.protocolVersion(), McpSchema.ServerCapabilities.builder().tools(false).build(),
                    McpSchema.Implementation.builder("memtomem", "warm-up").build(), "warm-up")));
            // a tool reply's content is polymorphic: its first serialization costs ~25 ms of Jackson introspection
            var call = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(mapper, TOOL_CALL);
            mapper.convertValue(call.params(), new TypeRef<McpSchema.CallToolRequest>() { });
            mapper.writeValueAsString(McpSchema.JSONRPCResponse.result(call.id(),
                    McpSchema.CallToolResult.builder().addTextContent("warm-up").isError(false).build()));
        } catch (Exception e) {
            LOG.debug("Jackson warm-up skipped: {}", e.toString());
        }
    }
}
