package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-RPC and MCP rules a request must pass before the SDK sees it, because the SDK gets them wrong: it takes
 * any {@code jsonrpc} version, answers params of the wrong shape with {@code -32603} and Jackson's text (Java class
 * names included), names every unknown tool {@code invalid_tool_name}, ignores list cursors, accepts any logging
 * level and holds {@code ping} until the handshake is over. Each of these is answered here instead, with
 * {@code -32600}/{@code -32602} naming the parameter; {@code ping} is answered at once. Both transports use it.
 */
public final class RequestScreen {
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    /** RFC 5424 severities, as MCP's {@code logging/setLevel} spells them. */
    public static final List<String> LOG_LEVELS =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");
    private static final Set<String> PAGED_LISTS =
            Set.of("tools/list", "resources/list", "resources/templates/list", "prompts/list");

    private final ObjectMapper json;
    private final Set<String> toolNames;

    public RequestScreen(ObjectMapper json, Set<String> toolNames) {
        this.json = json;
        this.toolNames = Set.copyOf(toolNames);
    }

    /** The frame to answer {@code message} with instead of the SDK, or empty when the SDK should handle it. */
    public Optional<ObjectNode> answer(JsonNode message) {
        JsonNode id = message.get("id");
        if (!"2.0".equals(message.path("jsonrpc").textValue())) {
            return Optional.of(error(id, INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\""));
        }
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual() || id == null) {
            return Optional.empty(); // responses and notifications
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return invalidParams(id, "\"params\" must be an object, not " + kind(params));
        }
        String problem = switch (method.textValue()) {
            case "ping" -> null;
            case "tools/call" -> toolCallProblem(params);
            case "resources/read" -> textOf(params, "uri").isBlank()
                    ? "\"uri\" is required: the memtomem:// URI of the resource to read" : null;
            case "logging/setLevel" -> LOG_LEVELS.contains(textOf(params, "level")) ? null
                    : "\"level\" must be one of " + String.join(", ", LOG_LEVELS);
            default -> PAGED_LISTS.contains(method.textValue()) ? cursorProblem(params) : null;
        };
        if (problem != null) {
            return invalidParams(id, problem);
        }
        if (method.textValue().equals("ping")) {
            ObjectNode reply = frame(id);
            reply.putObject("result");
            return Optional.of(reply);
        }
        return Optional.empty();
    }

    private String toolCallProblem(JsonNode params) {
        JsonNode name = params == null ? null : params.get("name");
        if (name == null || !name.isTextual()) {
            return "\"name\" must be the name of a tool (see tools/list)";
        }
        if (!toolNames.contains(name.textValue())) {
            return "Unknown tool: " + name.textValue();
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return "\"arguments\" must be an object of named arguments, not " + kind(arguments);
        }
        return null;
    }

    private static String cursorProblem(JsonNode params) {
        JsonNode cursor = params == null ? null : params.get("cursor");
        return cursor == null || cursor.isNull() ? null
                : "invalid cursor " + cursor + ": this server returns every item on the first page";
    }

    private static String textOf(JsonNode params, String field) {
        JsonNode value = params == null ? null : params.get(field);
        return value != null && value.isTextual() ? value.textValue() : "";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private Optional<ObjectNode> invalidParams(JsonNode id, String message) {
        return Optional.of(error(id, INVALID_PARAMS, message));
    }

    ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode frame = frame(id);
        frame.putObject("error").put("code", code).put("message", message);
        return frame;
    }

    private ObjectNode frame(JsonNode id) {
        ObjectNode frame = json.createObjectNode();
        frame.put("jsonrpc", "2.0");
        frame.set("id", id != null && (id.isNumber() || id.isTextual()) ? id : json.nullNode());
        return frame;
    }
}
