package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonListsTest {

    @Test
    void decodesWhatEncodeWrites() {
        List<String> values = List.of("## Deploy \"blue\"", "naïve \\ path", "emoji 🚀", "");
        assertEquals(values, JsonLists.decode(JsonLists.encode(values)));
        assertEquals("[]", JsonLists.encode(List.of()));
    }

    @Test
    void readsAForeignWritersSpacingAndEscapes() {
        assertEquals(List.of("a", "b\nc", "é"), JsonLists.decode(" [ \"a\" , \"b\\nc\", \"\\u00e9\" ] "));
    }

    @Test
    void scalarsReadAsTextAndNullsAreDropped() {
        assertEquals(List.of("1", "true", "x"), JsonLists.decode("[1, true, null, \"x\"]"));
    }

    @Test
    void missingEmptyOrMalformedTextReadsAsNoValues() {
        for (String text : new String[] {null, "", "  ", "[]", "[", "[\"a\"", "{\"a\": 1}", "\"a\"", "[[\"a\"]]",
                "[{\"a\": 1}]", "not json"}) {
            assertEquals(List.of(), JsonLists.decode(text), String.valueOf(text));
        }
    }
}
