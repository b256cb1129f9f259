package io.memtomem.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Decides whether the SDK can take a line from stdin. Its reader stops for good on the first line it cannot turn
 * into a JSON-RPC message (invalid JSON, a batch array, an object that is neither request, notification nor
 * response), so such lines are answered here instead: {@code -32700 Parse error} or {@code -32600 Invalid Request}.
 */
final class JsonRpcLineCheck {
    private final ObjectMapper json;
    private final McpJsonMapper mcpMapper;

    JsonRpcLineCheck(ObjectMapper json, McpJsonMapper mcpMapper) {
        this.json = json;
        this.mcpMapper = mcpMapper;
    }

    /** Null when the SDK can handle {@code line}; otherwise the error frame to answer it with. */
    String rejection(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return errorFrame(null, -32700, "Parse error");
        }
        if (node == null || !node.isObject()) {
            return errorFrame(null, -32600, "Invalid Request");
        }
        try {
            McpSchema.deserializeJsonRpcMessage(mcpMapper, line);
            return null;
        } catch (Exception e) {
            JsonNode id = node.get("id");
            return errorFrame(id != null && (id.isNumber() || id.isTextual()) ? id : null, -32600, "Invalid Request");
        }
    }

    String errorFrame(JsonNode id, int code, String message) {
        ObjectNode frame = json.createObjectNode();
        frame.put("jsonrpc", "2.0");
        frame.set("id", id == null ? json.nullNode() : id);
        frame.putObject("error").put("code", code).put("message", message);
        return frame.toString();
    }
}
