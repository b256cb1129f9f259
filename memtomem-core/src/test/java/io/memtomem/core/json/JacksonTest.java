package io.memtomem.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JacksonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"{}", "", "  ", "[]", "null", "true", "\"text\"", "42", "-7", "3000000000",
            "123456789012345678901234567890", "1.5", "-2e-3", "{\"a\": {\"b\": [1, 2.5, \"x\", null, false, {}]}}",
            "{\"dup\": 1, \"dup\": 2}", "{\"search\": {\"default_top_k\": 20}} trailing", "[[[]]]",
            "{\"unicode\": \"\\u00e9\\uD83D\\uDE00\"}"})
    void readTreeGivesWhatObjectMapperGives(String json) throws Exception {
        assertEquals(MAPPER.readTree(json), Jackson.readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\": }", "[1, 2", "{\"a\" 1}", "nope", "{'single': 1}"})
    void malformedJsonFailsAsObjectMapperDoes(String json) {
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(json));
        assertThrows(JsonProcessingException.class, () -> Jackson.readTree(json));
    }
}
