package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** #16/#13: what the SDK would answer wrongly, or with Java class names, is answered by the screen. */
class RequestScreenTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RequestScreen screen = new RequestScreen(json, Set.of("mem_search"));

    private JsonNode answer(String message) throws Exception {
        return screen.answer(json.readTree(message)).orElse(null);
    }

    private JsonNode error(String message) throws Exception {
        JsonNode answer = answer(message);
        assertTrue(answer != null && answer.has("error"), () -> "expected an error for " + message);
        String text = answer.get("error").get("message").asText();
        assertFalse(text.contains("java.") || text.contains("io.modelcontextprotocol") || text.contains("Exception"),
                text);
        return answer.get("error");
    }

    @Test
    void aJsonRpcVersionOtherThanTwoIsAnInvalidRequest() throws Exception {
        JsonNode error = error("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}");
        assertEquals(-32600, error.get("code").asInt());
    }

    @Test
    void nonObjectArgumentsAreInvalidParamsNamingTheParameter() throws Exception {
        for (String arguments : new String[]{"\"abc\"", "[1,2]", "7"}) {
            JsonNode error = error("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"mem_search\",\"arguments\":" + arguments + "}}");
            assertEquals(-32602, error.get("code").asInt());
            assertTrue(error.get("message").asText().contains("\"arguments\" must be an object"), error::toString);
        }
        JsonNode params = error("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":\"str\"}");
        assertEquals(-32602, params.get("code").asInt());
        assertTrue(params.get("message").asText().contains("\"params\""), params::toString);
    }

    @Test
    void anUnknownToolIsNamedAsSent() throws Exception {
        JsonNode error = error("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"nope_tool\",\"arguments\":{}}}");
        assertEquals(-32602, error.get("code").asInt());
        assertEquals("Unknown tool: nope_tool", error.get("message").asText());
    }

    @Test
    void resourcesReadWithoutUriIsInvalidParams() throws Exception {
        assertEquals(-32602, error("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/read\",\"params\":{}}")
                .get("code").asInt());
    }

    @Test
    void aListCursorIsInvalidParamsBecauseEveryListFitsOnePage() throws Exception {
        for (String method : new String[]{"tools/list", "resources/list", "resources/templates/list"}) {
            assertEquals(-32602, error("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"" + method
                    + "\",\"params\":{\"cursor\":\"bogus\"}}").get("code").asInt());
        }
        assertEquals(null, answer("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{}}"));
    }

    @Test
    void anUnknownLoggingLevelIsInvalidParams() throws Exception {
        JsonNode error = error("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"logging/setLevel\","
                + "\"params\":{\"level\":\"shouting\"}}");
        assertEquals(-32602, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("warning"), error::toString);
        assertEquals(null, answer("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"logging/setLevel\","
                + "\"params\":{\"level\":\"warning\"}}"));
    }

    @Test
    void pingIsAnsweredAtOnceWithAnEmptyResult() throws Exception {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}",
                answer("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}").toString());
    }

    @Test
    void wellFormedRequestsAndNotificationsPassThrough() throws Exception {
        assertEquals(null, answer("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"mem_search\",\"arguments\":{\"query\":\"x\"}}}"));
        assertEquals(null, answer("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
    }
}
