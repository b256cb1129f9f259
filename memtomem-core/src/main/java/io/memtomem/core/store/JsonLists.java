package io.memtomem.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The JSON-array text columns ({@code tags}, {@code heading_hierarchy}). */
public final class JsonLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonLists() {
    }

    public static String encode(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    /** Decodes a column value; null, empty or malformed text (a foreign writer's bug) reads as an empty list. */
    public static List<String> decode(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<String> values = JSON.readValue(text, STRINGS);
            return values == null ? List.of() : values;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
