package io.memtomem.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * First-use costs paid on a spare thread while the server starts, instead of on the way to the initialize reply:
 * Jackson's introspection of the MCP records (~100 ms on a cold JVM) and the JSON-Schema validator's set-up, which
 * the SDK would otherwise pay while building the server by checking each tool schema against the meta-schema
 * ({@link DeferredSchemaCheck}). That check runs here instead; a schema that fails it is logged as an error. The
 * mapper instances are the transport's, so their caches are what gets warmed.
 */
final class ProtocolWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolWarmup.class);
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true}},"
            + "\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"1\"}}}";

    private final CompletableFuture<List<McpSchema.Tool>> tools = new CompletableFuture<>();

    private ProtocolWarmup() {
    }

    static ProtocolWarmup start(ObjectMapper json, McpJsonMapper mapper, JsonSchemaValidator validator) {
        ProtocolWarmup warmup = new ProtocolWarmup();
        Thread thread = new Thread(() -> {
            warmJackson(json, mapper);
            warmup.checkSchemas(validator);
        }, "memtomem-protocol-warmup");
        thread.setDaemon(true);
        thread.start();
        return warmup;
    }

    /** The tools whose schemas to check, once they are known. */
    void checkLater(List<McpSchema.Tool> exposed) {
        tools.complete(exposed);
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
        } catch (Exception e) {
            LOG.debug("Jackson warm-up skipped: {}", e.toString());
        }
    }

    private void checkSchemas(JsonSchemaValidator validator) {
        for (McpSchema.Tool tool : tools.join()) {
            JsonSchemaValidator.ValidationResponse check = validator.validateSchema(tool.inputSchema());
            if (!check.valid()) {
                LOG.error("input schema of {} is not a valid JSON schema: {}", tool.name(), check.errorMessage());
            }
            validator.validate(tool.inputSchema(), Map.of());
        }
    }
}
