package io.memtomem.core.config;

import java.util.List;
import java.util.Map;

/** Rules that involve more than one key; checked on load and again before every save. */
final class CrossFieldRules {
    private CrossFieldRules() {
    }

    static void check(Map<String, Object> values) {
        int max = (Integer) values.get("indexing.max_chunk_tokens");
        requireAtMost(values, "indexing.min_chunk_tokens", max);
        requireAtMost(values, "indexing.target_chunk_tokens", max);
        requireDisjointMemoryDirs(values);
    }

    /** A directory is either the user tier or a project tier: listed in both, its scope would be ambiguous. */
    private static void requireDisjointMemoryDirs(Map<String, Object> values) {
        List<?> userDirs = (List<?>) values.get("indexing.memory_dirs");
        for (Object projectDir : (List<?>) values.get("indexing.project_memory_dirs")) {
            if (userDirs.contains(projectDir)) {
                throw new ConfigException("indexing.project_memory_dirs", "invalid value for config key"
                        + " 'indexing.project_memory_dirs': " + projectDir + " is also in indexing.memory_dirs;"
                        + " list it in only one of them");
            }
        }
    }

    private static void requireAtMost(Map<String, Object> values, String key, int max) {
        int value = (Integer) values.get(key);
        if (value > max) {
            throw new ConfigException(key, "invalid value for config key '" + key + "': " + value
                    + " must be <= indexing.max_chunk_tokens (" + max + ")");
        }
    }
}
