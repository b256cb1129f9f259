package io.memtomem.server.tools.schema;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputSchemaTest {
    private static final InputSchema SCHEMA = InputSchema.of(
            Param.string("name", "A name.").required().maxLength(5),
            Param.integer("count", "A count.").defaultValue(3).range(1, 9),
            Param.number("weight", "A weight.").atLeast(0),
            Param.bool("flag", "A flag.").defaultValue(false),
            Param.string("mode", "A mode.").oneOf("a", "b"),
            Param.stringList("tags", "Tags.").maxItems(2),
            Param.objectList("items", "Items.", InputSchema.of(Param.string("key", "Key.").required())));

    @Test
    void appliesDefaultsAndLeavesOptionalValuesAbsent() {
        Args args = SCHEMA.read(Map.of("name", "abc"));
        assertEquals("abc", args.string("name"));
        assertEquals(3, args.integer("count"));
        assertEquals(false, args.bool("flag"));
        assertNull(args.string("mode"));
        assertNull(args.strings("tags"));
    }

    @Test
    void nullMeansAbsent() {
        Map<String, Object> given = new HashMap<>();
        given.put("name", "abc");
        given.put("mode", null);
        assertNull(SCHEMA.read(given).string("mode"));
    }

    @Test
    void acceptsIntegralNumbersAndNumericStrings() {
        assertEquals(4, SCHEMA.read(Map.of("name", "a", "count", 4.0)).integer("count"));
        assertEquals(5, SCHEMA.read(Map.of("name", "a", "count", "5")).integer("count"));
        assertEquals(true, SCHEMA.read(Map.of("name", "a", "flag", "true")).bool("flag"));
        assertEquals(0.5, SCHEMA.read(Map.of("name", "a", "weight", 0.5)).number("weight"));
    }

    @Test
    void rejectionsNameTheParameterAndTheFix() {
        assertEquals("name is required: pass a string.", failure(Map.of()));
        assertEquals("name is too long (6 characters): pass at most 5 characters.", failure(Map.of("name", "abcdef")));
        assertEquals("count must be an integer from 1 to 9 (got 10).", failure(Map.of("name", "a", "count", 10)));
        assertEquals("count must be an integer from 1 to 9 (got 2.5).", failure(Map.of("name", "a", "count", 2.5)));
        assertEquals("flag must be true or false (got \"yes\").", failure(Map.of("name", "a", "flag", "yes")));
        assertEquals("mode must be one of a, b (got \"c\").", failure(Map.of("name", "a", "mode", "c")));
        assertEquals("tags has 3 items: pass at most 2.", failure(Map.of("name", "a", "tags", List.of("1", "2", "3"))));
        assertTrue(failure(Map.of("name", "a", "tags", List.of(1))).startsWith("tags must be a list of strings"));
        assertEquals("items[0]: key is required: pass a string.",
                failure(Map.of("name", "a", "items", List.of(Map.of()))));
        assertEquals("weight must be a number of at least 0 (got -1).", failure(Map.of("name", "a", "weight", -1)));
        assertEquals("unknown parameter 'nam' (valid: name, count, weight, flag, mode, tags, items).",
                failure(Map.of("nam", "a")));
    }

    @Test
    void rendersAJsonSchema() {
        Map<String, Object> schema = SCHEMA.toJsonSchema();
        assertEquals(List.of("name"), schema.get("required"));
        assertEquals(false, schema.get("additionalProperties"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertEquals("string", properties.get("name").get("type"));
        assertEquals(1, properties.get("name").get("minLength"));
        assertEquals("string", properties.get("mode").get("type"), "an optional field declares T, not [T, null]");
        assertEquals(List.of("a", "b"), properties.get("mode").get("enum"));
        assertEquals(3, properties.get("count").get("default"));
        assertEquals(Map.of("type", "string"), properties.get("tags").get("items"));
    }

    private static String failure(Map<String, Object> arguments) {
        return assertThrows(ArgumentException.class, () -> SCHEMA.read(arguments)).getMessage();
    }

    @Test
    void anAliasIsAdvertisedAndReadAsTheParameterItNames() {
        InputSchema aliased = InputSchema.of(Param.string("content", "Body.").required()).withAlias("new_content",
                "content");
        assertEquals("x", aliased.read(Map.of("new_content", "x")).string("content"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) aliased.toJsonSchema().get("properties");
        assertEquals(List.of("content", "new_content"), List.copyOf(properties.keySet()));
        assertNull(aliased.toJsonSchema().get("required"), "one of the two spellings is required, checked on read");
        assertThrows(ArgumentException.class, () -> aliased.read(Map.of()));
    }
}
