package io.memtomem.core.config;

import java.util.Map;

/** Rules that involve more than one key; checked on load and again before every save. */
final class CrossFieldRules {
    private CrossFieldRules() {
    }

    static void check(Map<String, Object> values) {
        int max = (Integer) values.get("indexing.max_chunk_tokens");
        requireAtMost(values, "indexing.min_chunk_tokens", max);
        requireAtMost(values, "indexing.target_chunk_tokens", max);
    }

    private static void requireAtMost(Map<String, Object> values, String key, int max) {
        int value = (Integer) values.get(key);
        if (value > max) {
            throw new ConfigException(key, "invalid value for config key '" + key + "': " + value
                    + " must be <= indexing.max_chunk_tokens (" + max + ")");
        }
    }
}
