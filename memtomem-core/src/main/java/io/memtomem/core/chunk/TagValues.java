package io.memtomem.core.chunk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.json.Jackson;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses a {@code tags:} value as written in frontmatter or an entry header: a JSON array
 * ({@code ["a", "b"]}), a bare list ({@code [a, b]}) or a comma-separated scalar ({@code a, b}).
 */
final class TagValues {


    private TagValues() {
    }

    static List<String> parse(String value) {
        String trimmed = PyText.strip(value);
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            List<String> fromJson = parseJsonArray(trimmed);
            return fromJson != null ? fromJson : splitBare(trimmed.substring(1, trimmed.length() - 1));
        }
        return splitBare(trimmed);
    }

    /** The sorted, distinct union that chunk tags are stored as. */
    static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** One block-list item such as {@code "- redis"} or {@code "- 'perf'"}. */
    static String unquote(String item) {
        String s = PyText.strip(item);
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = PyText.strip(s.substring(1, s.length() - 1));
        }
        return s;
    }

    private static List<String> parseJsonArray(String value) {
        try {
            JsonNode node = Jackson.readTree(value);
            List<String> tags = new ArrayList<>();
            for (JsonNode element : node) {
                String tag = PyText.strip(element.isTextual() ? element.textValue() : element.toString());
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
            return tags;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static List<String> splitBare(String value) {
        List<String> tags = new ArrayList<>();
        for (String part : value.split(",")) {
            String tag = unquote(part);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
