package io.memtomem.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;

/** The JSON-array text columns ({@code tags}, {@code heading_hierarchy}). */
public final class JsonLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Resolved once: looking the list type up per call is most of the cost of decoding a short array. */
    private static final ObjectReader STRINGS = JSON.readerFor(new TypeReference<List<String>>() {
    });

    private JsonLists() {
    }

    public static String encode(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    /** Decodes a column value; null, empty or malformed text (a foreign writer's bug) reads as an empty list. */
    public static List<String> decode(String text) {
        if (text == null || text.isBlank() || text.equals("[]")) {
            return List.of();
        }
        try {
            List<String> values = STRINGS.readValue(text);
            return values == null ? List.of() : values;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
