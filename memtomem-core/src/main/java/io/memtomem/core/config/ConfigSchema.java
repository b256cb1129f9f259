package io.memtomem.core.config;

import io.memtomem.core.EditDistance;

import static io.memtomem.core.config.ConfigKey.any;
import static io.memtomem.core.config.ConfigKey.atLeast;
import static io.memtomem.core.config.ConfigKey.intRange;
import static io.memtomem.core.config.ConfigKey.maxItems;
import static io.memtomem.core.config.ConfigKey.oneOf;
import static io.memtomem.core.config.ConfigKey.positiveNumber;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The known configuration keys and their defaults (memory-core.md §1.5). Only keys this implementation honours are
 * listed, so a setting that would silently do nothing is rejected as unknown instead.
 */
final class ConfigSchema {
    static final Map<String, ConfigKey> KEYS = build(
            key("storage.backend", ValueKind.STRING, "sqlite", oneOf("sqlite")),
            key("storage.sqlite_path", ValueKind.PATH, "~/.memtomem/memtomem.db", any()),
            key("embedding.provider", ValueKind.STRING, "none", oneOf("none", "onnx", "ollama", "openai")),
            key("embedding.model", ValueKind.STRING, "", any()),
            key("embedding.dimension", ValueKind.INT, "0", intRange(0, 65_536)),
            key("embedding.base_url", ValueKind.STRING, "", any()),
            key("embedding.api_key", ValueKind.STRING, "", any()),
            key("embedding.batch_size", ValueKind.INT, "64", atLeast(1)),
            key("embedding.onnx_batch_size", ValueKind.INT, "8", atLeast(1)),
            key("embedding.max_concurrent_batches", ValueKind.INT, "4", atLeast(1)),
            key("embedding.max_sequence_tokens", ValueKind.INT, "1024", atLeast(1)),
            key("embedding.threads", ValueKind.INT, "4", atLeast(1)),
            key("embedding.progress_threshold", ValueKind.INT, "32", atLeast(1)),
            // where native libraries of the onnx provider are extracted; point it elsewhere when HOME is read-only
            key("embedding.cache_dir", ValueKind.PATH, "~/.memtomem/cache", any()),
            key("search.default_top_k", ValueKind.INT, "10", intRange(1, 100)),
            key("search.bm25_candidates", ValueKind.INT, "50", intRange(1, 10_000)),
            key("search.dense_candidates", ValueKind.INT, "50", intRange(1, 10_000)),
            key("search.rrf_k", ValueKind.INT, "60", atLeast(1)),
            key("search.enable_bm25", ValueKind.BOOL, "true", any()),
            key("search.enable_dense", ValueKind.BOOL, "true", any()),
            key("search.rrf_weights", ValueKind.DOUBLE_LIST, "[1.0, 1.0]", rrfWeights()),
            key("search.tokenizer", ValueKind.STRING, "unicode61", oneOf("unicode61")),
            key("search.cache_ttl", ValueKind.DOUBLE, "30.0", positiveNumber()),
            key("search.system_namespace_prefixes", ValueKind.STRING_LIST, "[\"archive:\", \"agent-runtime:\"]",
                    maxItems(10)),
            key("indexing.memory_dirs", ValueKind.PATH_LIST, "[\"~/.memtomem/memories\"]", any()),
            // <project>/.memtomem/memories (project_shared) and .../memories.local (project_local), memory-core §1.1
            key("indexing.project_memory_dirs", ValueKind.PATH_LIST, "[]", distinctPaths()),
            key("indexing.supported_extensions", ValueKind.STRING_LIST,
                    "[\".md\", \".json\", \".yaml\", \".yml\", \".toml\", \".py\", \".js\", \".ts\", \".tsx\", \".jsx\"]",
                    extensions()),
            key("indexing.exclude_patterns", ValueKind.STRING_LIST, "[]", any()),
            key("indexing.max_chunk_tokens", ValueKind.INT, "512", atLeast(1)),
            key("indexing.min_chunk_tokens", ValueKind.INT, "128", atLeast(0)),
            key("indexing.target_chunk_tokens", ValueKind.INT, "384", atLeast(0)),
            key("indexing.chunk_overlap_tokens", ValueKind.INT, "0", atLeast(0)),
            key("indexing.paragraph_split_threshold", ValueKind.INT, "800", atLeast(1)),
            key("indexing.structured_chunk_mode", ValueKind.STRING, "original", oneOf("original", "recursive")),
            key("indexing.startup_backfill", ValueKind.BOOL, "false", any()),
            key("namespace.default_namespace", ValueKind.STRING, "default", namespaceName()),
            key("namespace.enable_auto_ns", ValueKind.BOOL, "false", any()));

    private ConfigSchema() {
    }

    static boolean isSection(String name) {
        return KEYS.values().stream().anyMatch(key -> key.section().equals(name));
    }

    static Optional<ConfigKey> find(String dottedKey) {
        return Optional.ofNullable(KEYS.get(dottedKey));
    }

    /** The unknown-key error, with the closest known key as a suggestion when one is near. */
    static ConfigException unknown(String dottedKey, String where) {
        String suggestion = closest(dottedKey).map(known -> " Did you mean '" + known + "'?").orElse("");
        return new ConfigException(dottedKey, "unknown config key '" + dottedKey + "'" + where + "." + suggestion);
    }

    static ConfigKey require(String dottedKey, String where) {
        return find(dottedKey).orElseThrow(() -> unknown(dottedKey, where));
    }

    private static Optional<String> closest(String candidate) {
        return KEYS.keySet().stream()
                .min(Comparator.comparingInt(known -> EditDistance.between(candidate, known)))
                .filter(known -> EditDistance.between(candidate, known) <= Math.max(3, known.length() / 3));
    }

    private static ConfigKey key(String name, ValueKind kind, String defaultText, Function<Object, String> constraint) {
        return new ConfigKey(name, kind, defaultText, constraint);
    }

    private static Map<String, ConfigKey> build(ConfigKey... keys) {
        Map<String, ConfigKey> map = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            map.put(key.name(), key);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Function<Object, String> rrfWeights() {
        return value -> {
            List<?> weights = (List<?>) value;
            if (weights.size() != 2) {
                return "expected exactly two weights [bm25, dense]";
            }
            boolean negative = weights.stream().anyMatch(weight -> (Double) weight < 0);
            boolean allZero = weights.stream().allMatch(weight -> (Double) weight == 0);
            return negative || allZero ? "weights must be >= 0 and not both 0" : null;
        };
    }

    private static Function<Object, String> distinctPaths() {
        return value -> ((List<?>) value).stream().distinct().count() < ((List<?>) value).size()
                ? "every directory may be listed only once" : null;
    }

    private static Function<Object, String> extensions() {
        return value -> ((List<?>) value).stream().allMatch(ext -> ((String) ext).matches("\\.[A-Za-z0-9_+-]+"))
                ? null : "every extension must look like \".md\"";
    }

    static Function<Object, String> namespaceName() {
        return value -> {
            String name = (String) value;
            if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
                return "a namespace is 1-128 characters without control characters";
            }
            return null;
        };
    }
}
