package io.memtomem.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Decides whether the SDK can take a line from stdin. Its reader stops for good on the first line it cannot turn
 * into a JSON-RPC message (invalid JSON, a batch array, an object that is neither request, notification nor
 * response), so such lines are answered here instead: {@code -32700 Parse error} or {@code -32600 Invalid Request}.
 * A message that parses is then put to the {@link RequestScreen}.
 */
final class JsonRpcLineCheck {
    private final ObjectMapper json;
    private final McpJsonMapper mcpMapper;
    private final RequestScreen screen;

    JsonRpcLineCheck(ObjectMapper json, McpJsonMapper mcpMapper, RequestScreen screen) {
        this.json = json;
        this.mcpMapper = mcpMapper;
        this.screen = screen;
    }

    /** A line's fate: {@code answer} is the frame to reply with instead of passing it on, {@code message} its JSON. */
    record Checked(JsonNode message, String answer) {
    }

    Checked check(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return new Checked(null, errorFrame(null, -32700, "Parse error"));
        }
        if (node == null || !node.isObject()) {
            return new Checked(node, errorFrame(null, -32600, "Invalid Request"));
        }
        try {
            McpSchema.deserializeJsonRpcMessage(mcpMapper, line);
        } catch (Exception e) {
            return new Checked(node, errorFrame(node.get("id"), -32600, "Invalid Request"));
        }
        return new Checked(node, screen.answer(node).map(JsonNode::toString).orElse(null));
    }

    String errorFrame(JsonNode id, int code, String message) {
        return screen.error(id, code, message).toString();
    }
}
