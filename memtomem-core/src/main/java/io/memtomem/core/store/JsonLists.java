package io.memtomem.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.memtomem.core.json.Jackson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON-array text columns ({@code tags}, {@code heading_hierarchy}). */
public final class JsonLists {

    private JsonLists() {
    }

    public static String encode(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Jackson.factory().createGenerator(text)) {
            json.writeStartArray();
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a list of strings always serialises", e);
        }
        return text.toString();
    }

    /**
     * Decodes a column value; null, empty or malformed text (a foreign writer's bug) reads as an empty list. Streams
     * the tokens rather than binding a {@code List<String>}: search decodes two of these per hit, and data binding
     * cost more than the rest of reading the row.
     */
    public static List<String> decode(String text) {
        if (text == null || text.isBlank() || text.equals("[]")) {
            return List.of();
        }
        try (JsonParser parser = Jackson.factory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null || !token.isScalarValue()) {
                    return List.of();
                }
                if (token != JsonToken.VALUE_NULL) {
                    values.add(parser.getValueAsString());
                }
            }
            return values;
        } catch (IOException e) {
            return List.of();
        }
    }
}
