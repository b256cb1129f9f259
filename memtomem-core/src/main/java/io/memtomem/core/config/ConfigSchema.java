package io.memtomem.core.config;

import io.memtomem.core.EditDistance;

import static io.memtomem.core.config.ConfigKey.any;
import static io.memtomem.core.config.ConfigKey.atLeast;
import static io.memtomem.core.config.ConfigKey.databaseFile;
import static io.memtomem.core.config.ConfigKey.intRange;
import static io.memtomem.core.config.ConfigKey.maxItems;
import static io.memtomem.core.config.ConfigKey.oneOf;
import static io.memtomem.core.config.ConfigKey.accepted;
import static io.memtomem.core.config.ConfigKey.of;
import static io.memtomem.core.config.ValueKind.BOOL;
import static io.memtomem.core.config.ValueKind.DOUBLE;
import static io.memtomem.core.config.ValueKind.DOUBLE_LIST;
import static io.memtomem.core.config.ValueKind.INT;
import static io.memtomem.core.config.ValueKind.OBJECT_LIST;
import static io.memtomem.core.config.ValueKind.PATH;
import static io.memtomem.core.config.ValueKind.PATH_LIST;
import static io.memtomem.core.config.ValueKind.STRING;
import static io.memtomem.core.config.ValueKind.STRING_LIST;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The key table: every leaf key of the Python memtomem 0.4.0 configuration (123, with its defaults; memory-core.md
 * §1.5 and {@code python-config-keys.json}) plus {@code embedding.cache_dir} of this build. It is the one place for
 * names, kinds, defaults, validation, help, whether this build honours a key ({@link ConfigKey#honoured()}; the others
 * are accepted so a config written by the Python tool loads, and marked "no effect") and whether an MCP client may
 * change it ({@link ConfigKey#mcpWritable()}: not for keys that move the store's boundary or send data elsewhere).
 */
public final class ConfigSchema {
    private static final String PYTHON_EXTENSIONS =
            "[\".md\", \".tsx\", \".py\", \".jsx\", \".yml\", \".js\", \".json\", \".ts\", \".toml\", \".yaml\"]";

    static final Map<String, ConfigKey> KEYS = build(
            // embedding: which model turns text into vectors, and where requests go
            of("embedding.provider", STRING, "none", oneOf("none", "onnx", "ollama", "openai"),
                    "Embedding provider: none (BM25 only), onnx (local), ollama or openai.").terminalOnly(),
            of("embedding.model", STRING, "", any(), "Embedding model name of the provider.").terminalOnly(),
            of("embedding.dimension", INT, "0", intRange(0, 65_536),
                    "Vector size of the model; set together with provider and model.").terminalOnly(),
            of("embedding.base_url", STRING, "", any(),
                    "Endpoint of the ollama or openai-compatible provider; texts are sent there.").terminalOnly(),
            of("embedding.api_key", STRING, "", any(), "API key sent to the embedding provider.").secretValue(),
            of("embedding.batch_size", INT, "64", atLeast(1), "Texts per embedding request."),
            accepted("embedding.onnx_batch_size", INT, "8"),
            accepted("embedding.max_concurrent_batches", INT, "4"),
            of("embedding.max_sequence_tokens", INT, "1024", atLeast(1),
                    "Tokens of a chunk the model sees; longer chunks are truncated for the vector only."),
            accepted("embedding.onnx_cpu_mem_arena", BOOL, "false"),
            accepted("embedding.threads", INT, "4"),
            accepted("embedding.progress_threshold", INT, "32"),
            of("embedding.cache_dir", PATH, "~/.memtomem/cache", any(),
                    "Where the onnx provider extracts its native libraries (memtomem-java only); point it elsewhere "
                            + "when HOME is read-only.").terminalOnly(),
            // storage
            of("storage.backend", STRING, "sqlite", oneOf("sqlite"), "Storage backend; only sqlite.").terminalOnly(),
            of("storage.sqlite_path", PATH, "~/.memtomem/memtomem.db", databaseFile(),
                    "The SQLite index shared by the server, mm and the Python memtomem.").terminalOnly(),
            accepted("storage.collection_name", STRING, "memories"),
            // search
            of("search.default_top_k", INT, "10", intRange(1, 100), "Results when a search names no top_k."),
            of("search.bm25_candidates", INT, "50", intRange(1, 10_000), "Keyword (BM25) candidates before fusion."),
            of("search.dense_candidates", INT, "50", intRange(1, 10_000), "Vector candidates before fusion."),
            of("search.rrf_k", INT, "60", atLeast(1), "Reciprocal-rank-fusion constant."),
            of("search.enable_bm25", BOOL, "true", any(), "Use the keyword (BM25) leg."),
            of("search.enable_dense", BOOL, "true", any(), "Use the vector leg when a provider is configured."),
            of("search.tokenizer", STRING, "unicode61", oneOf("unicode61"), "FTS5 tokenizer; only unicode61."),
            of("search.rrf_weights", DOUBLE_LIST, "[1.0, 1.0]", rrfWeights(), "Fusion weights [bm25, dense]."),
            accepted("search.cache_ttl", DOUBLE, "30.0"),
            of("search.system_namespace_prefixes", STRING_LIST, "[\"archive:\", \"agent-runtime:\"]", maxItems(10),
                    "Namespaces hidden from search and recall unless asked for."),
            // indexing: what is read, and how it is cut into chunks
            of("indexing.memory_dirs", PATH_LIST, "[\"~/.memtomem/memories\"]", any(),
                    "User memory dirs; the first receives new memories.").terminalOnly(),
            // <project>/.memtomem/memories (project_shared) and .../memories.local (project_local), memory-core §1.1
            of("indexing.project_memory_dirs", PATH_LIST, "[]", distinctPaths(),
                    "Project-tier memory dirs, indexed with a project scope.").terminalOnly(),
            of("indexing.supported_extensions", STRING_LIST, PYTHON_EXTENSIONS, extensions(),
                    "File extensions that are indexed."),
            of("indexing.max_chunk_tokens", INT, "512", atLeast(1), "Largest chunk before it is split."),
            of("indexing.min_chunk_tokens", INT, "128", atLeast(0), "Smaller chunks merge with a neighbour."),
            of("indexing.target_chunk_tokens", INT, "384", atLeast(0), "Size short chunks are merged up to."),
            of("indexing.chunk_overlap_tokens", INT, "0", atLeast(0), "Tokens repeated between adjacent chunks."),
            accepted("indexing.structured_chunk_mode", STRING, "original"),
            of("indexing.paragraph_split_threshold", INT, "800", atLeast(1),
                    "Characters after which an oversized section is split at paragraphs."),
            of("indexing.exclude_patterns", STRING_LIST, "[]", any(), "Globs of files never indexed."),
            accepted("indexing.auto_discover", BOOL, "false").terminalOnly(),
            accepted("indexing.startup_backfill", BOOL, "false"),
            accepted("indexing.auto_summarize", BOOL, "false"),
            accepted("indexing.summary_language", STRING, "en"),
            accepted("indexing.summary_max_input_chars", INT, "3000"),
            accepted("indexing.summary_max_tokens", INT, "256"),
            // ranking features of the reference this build does not have
            accepted("decay.enabled", BOOL, "false"),
            accepted("decay.half_life_days", DOUBLE, "30.0"),
            accepted("mmr.enabled", BOOL, "false"),
            accepted("mmr.lambda_param", DOUBLE, "0.7"),
            accepted("access.enabled", BOOL, "false"),
            accepted("access.max_boost", DOUBLE, "1.5"),
            // namespace
            of("namespace.default_namespace", STRING, "default", namespaceName(),
                    "Namespace of files no rule or argument names."),
            of("namespace.enable_auto_ns", BOOL, "false", any(), "Name a new file's namespace after its folder."),
            accepted("namespace.rules", OBJECT_LIST, "[]"),
            accepted("rerank.enabled", BOOL, "false"),
            accepted("rerank.provider", STRING, "fastembed").terminalOnly(),
            accepted("rerank.model", STRING, "Xenova/ms-marco-MiniLM-L-6-v2").terminalOnly(),
            accepted("rerank.api_key", STRING, "").secretValue(),
            accepted("rerank.oversample", DOUBLE, "2.0"),
            accepted("rerank.min_pool", INT, "20"),
            accepted("rerank.max_pool", INT, "200"),
            accepted("rerank.top_k", INT, "20"),
            accepted("query_expansion.enabled", BOOL, "false"),
            accepted("query_expansion.max_terms", INT, "3"),
            accepted("query_expansion.strategy", STRING, "tags"),
            accepted("importance.enabled", BOOL, "false"),
            accepted("importance.max_boost", DOUBLE, "1.5"),
            accepted("importance.weights", DOUBLE_LIST, "[0.3, 0.2, 0.3, 0.2]"),
            accepted("entity_boost.enabled", BOOL, "false"),
            accepted("entity_boost.max_boost", DOUBLE, "1.5"),
            accepted("entity_boost.query_entity_types", STRING_LIST, "[\"date\", \"person\", \"technology\"]"),
            accepted("entity_boost.min_confidence", DOUBLE, "0.0"),
            // outbound: webhooks, LLMs and traces send memory text elsewhere, so MCP may not point them anywhere
            accepted("webhook.enabled", BOOL, "false").terminalOnly(),
            accepted("webhook.url", STRING, "").terminalOnly(),
            accepted("webhook.events", STRING_LIST, "[\"add\", \"delete\", \"search\"]").terminalOnly(),
            accepted("webhook.secret", STRING, "").secretValue(),
            accepted("webhook.timeout_seconds", DOUBLE, "10.0"),
            accepted("consolidation_schedule.enabled", BOOL, "false"),
            accepted("consolidation_schedule.interval_hours", DOUBLE, "24.0"),
            accepted("consolidation_schedule.min_group_size", INT, "3"),
            accepted("consolidation_schedule.max_groups", INT, "10"),
            accepted("warmup.enabled", BOOL, "false"),
            accepted("policy.enabled", BOOL, "false"),
            accepted("policy.scheduler_interval_minutes", DOUBLE, "60.0"),
            accepted("policy.max_actions_per_run", INT, "100"),
            accepted("context_window.enabled", BOOL, "false"),
            accepted("context_window.window_size", INT, "2"),
            accepted("health_watchdog.enabled", BOOL, "false"),
            accepted("health_watchdog.heartbeat_interval_seconds", DOUBLE, "60.0"),
            accepted("health_watchdog.diagnostic_interval_seconds", DOUBLE, "300.0"),
            accepted("health_watchdog.deep_interval_seconds", DOUBLE, "3600.0"),
            accepted("health_watchdog.max_snapshots", INT, "1000"),
            accepted("health_watchdog.orphan_cleanup_threshold", INT, "10"),
            accepted("health_watchdog.auto_maintenance", BOOL, "true"),
            accepted("scheduler.enabled", BOOL, "false"),
            accepted("scheduler.max_concurrent_jobs", INT, "1"),
            accepted("scheduler.default_timezone", STRING, "utc"),
            accepted("scheduler.runner_timeout_seconds", DOUBLE, "300.0"),
            accepted("llm.enabled", BOOL, "false").terminalOnly(),
            accepted("llm.provider", STRING, "ollama").terminalOnly(),
            accepted("llm.model", STRING, "").terminalOnly(),
            accepted("llm.base_url", STRING, "http://localhost:11434").terminalOnly(),
            accepted("llm.api_key", STRING, "").secretValue(),
            accepted("llm.max_tokens", INT, "1024"),
            accepted("llm.timeout", DOUBLE, "60.0"),
            accepted("session_summary.auto", BOOL, "true"),
            accepted("session_summary.min_chunks", INT, "5"),
            accepted("session_summary.max_summary_tokens", INT, "500"),
            accepted("session_summary.max_input_chars", INT, "60000"),
            accepted("session_summary.max_summary_links", INT, "50"),
            accepted("session_summary.expansion_lookup_top_k", INT, "3"),
            accepted("session_summary.expansion_score_threshold", DOUBLE, "0.3"),
            accepted("session_summary.expansion_rescue_weight", DOUBLE, "0.5"),
            accepted("context_gateway.known_projects_path", PATH, "~/.memtomem/known_projects.json").terminalOnly(),
            accepted("context_gateway.experimental_claude_projects_scan", BOOL, "false").terminalOnly(),
            accepted("context_gateway.auto_display_configured_projects", BOOL, "true"),
            accepted("hooks.target_scope", STRING, "user").terminalOnly(),
            accepted("session_trace.enabled", BOOL, "false").terminalOnly(),
            accepted("session_trace.jsonl_enabled", BOOL, "true").terminalOnly(),
            accepted("session_trace.jsonl_path", PATH, "~/.memtomem/traces/session-traces.jsonl").terminalOnly(),
            accepted("session_trace.langfuse_enabled", BOOL, "false").terminalOnly(),
            accepted("session_trace.langfuse_public_key", STRING, "").secretValue(),
            accepted("session_trace.langfuse_secret_key", STRING, "").secretValue(),
            accepted("session_trace.langfuse_host", STRING, "").terminalOnly(),
            accepted("session_trace.sampling_rate", DOUBLE, "1.0"),
            accepted("session_trace.payload_mode", STRING, "metadata").terminalOnly(),
            accepted("session_trace.max_payload_chars", INT, "10000"));

    private ConfigSchema() {
    }

    /** Every key, in table order. */
    public static Collection<ConfigKey> keys() {
        return KEYS.values();
    }

    public static Optional<ConfigKey> find(String dottedKey) {
        return Optional.ofNullable(KEYS.get(dottedKey));
    }

    static boolean isSection(String name) {
        return KEYS.values().stream().anyMatch(key -> key.section().equals(name));
    }

    /** The unknown-key error (for commands that name a key), with the closest known key when one is near. */
    static ConfigException unknown(String dottedKey, String where) {
        return new ConfigException(dottedKey, "unknown config key '" + dottedKey + "'" + where + "."
                + suggestion(dottedKey));
    }

    /**
     * The warning for a key in config.json or the environment that neither this build nor the Python memtomem
     * knows: loading goes on without it, so one tool's newer key never stops the other.
     */
    static String unknownWarning(String dottedKey, String where) {
        return "unknown config key '" + dottedKey + "'" + where + " is ignored." + suggestion(dottedKey);
    }

    private static String suggestion(String dottedKey) {
        return closest(dottedKey).map(known -> " Did you mean '" + known + "'?").orElse("");
    }

    static ConfigKey require(String dottedKey, String where) {
        return find(dottedKey).orElseThrow(() -> unknown(dottedKey, where));
    }

    private static Optional<String> closest(String candidate) {
        return KEYS.keySet().stream()
                .min(Comparator.comparingInt(known -> EditDistance.between(candidate, known)))
                .filter(known -> EditDistance.between(candidate, known) <= Math.max(3, known.length() / 3));
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
