package io.memtomem.core.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A comma-separated tag filter that matches a chunk carrying any of the tags. */
final class TagFilter {
    private final List<String> tags;

    private TagFilter(List<String> tags) {
        this.tags = tags;
    }

    static TagFilter parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new TagFilter(List.of());
        }
        return new TagFilter(Arrays.stream(raw.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
    }

    boolean isEmpty() {
        return tags.isEmpty();
    }

    boolean matchesAny(Collection<String> chunkTags) {
        return tags.isEmpty() || chunkTags.stream().anyMatch(tags::contains);
    }

    /** SQL over the JSON {@code tags} column, for queries that LIMIT after filtering. */
    String sql(String column) {
        return "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(" + column + ") THEN " + column
                + " ELSE '[]' END) t WHERE t.value IN (" + String.join(", ", tags.stream().map(t -> "?").toList())
                + "))";
    }

    List<Object> params() {
        return List.copyOf(tags);
    }
}
