package io.memtomem.core.chunk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Top-level keys of a JSON object, located by the streaming parser so nested keys of the same name never match. */
final class JsonTopLevelKeys implements TopLevelKeys {

    // Python's json module accepts NaN and Infinity; nothing else beyond strict JSON.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    @Override
    public List<KeySection> locate(SourceText source) {
        try (JsonParser parser = FACTORY.createParser(source.text())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(parser.currentName());
                starts.add((int) parser.currentTokenLocation().getCharOffset());
                parser.nextToken();
                parser.skipChildren();
            }
            int end = (int) parser.currentTokenLocation().getCharOffset();
            if (parser.nextToken() != null) {
                return null;
            }
            return TopLevelKeys.consecutive(keys, starts, end);
        } catch (IOException malformed) {
            return null;
        }
    }
}
