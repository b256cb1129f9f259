package io.memtomem.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The effective configuration: defaults, then {@code ~/.memtomem/config.json}, then {@code MEMTOMEM_*} variables.
 * Loading never creates files; a bad key or value is a {@link ConfigException} naming the key.
 */
public final class MemtomemConfig {
    private final Environment environment;
    private final Map<String, Object> values;
    private final Map<String, String> origins;
    private final List<String> warnings;

    private MemtomemConfig(Environment environment, Map<String, Object> values, Map<String, String> origins,
                           List<String> warnings) {
        this.environment = environment;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        this.warnings = List.copyOf(warnings);
    }

    public static MemtomemConfig load(Environment environment) {
        ConfigLayers layers = ConfigLayers.load(environment, configFile(environment));
        return new MemtomemConfig(environment, layers.values, layers.origins, layers.warnings);
    }

    /**
     * The built-in defaults alone, ignoring config.json and {@code MEMTOMEM_*}: what a server whose configuration is
     * broken builds its tool list from (it opens no store with it).
     */
    public static MemtomemConfig defaults(Environment environment) {
        ConfigLayers layers = ConfigLayers.defaults(environment);
        return new MemtomemConfig(environment, layers.values, layers.origins, layers.warnings);
    }

    /** Keys in config.json or the environment that neither this build nor the Python memtomem knows (ignored). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Keys set in config.json or the environment that this build accepts but gives no behaviour (settings of the
     * Python memtomem), in table order.
     */
    public List<String> acceptedWithoutEffect() {
        return ConfigSchema.keys().stream()
                .filter(key -> !key.honoured() && !"default".equals(origins.get(key.name())))
                .map(ConfigKey::name)
                .toList();
    }

    static Path storeDir(Environment environment) {
        return environment.userHome().resolve(".memtomem");
    }

    static Path configFile(Environment environment) {
        return storeDir(environment).resolve("config.json");
    }

    public Environment environment() {
        return environment;
    }

    public Path storeDir() {
        return storeDir(environment);
    }

    public Path configFile() {
        return configFile(environment);
    }

    /** Whether {@code config.json} exists, i.e. {@code mm init} (or a config set) has run. */
    public boolean isConfigured() {
        return Files.isRegularFile(configFile());
    }

    public Path dbPath() {
        return (Path) values.get("storage.sqlite_path");
    }

    /** {@code indexing.memory_dirs}; the first entry is where new memories are written. May be empty. */
    @SuppressWarnings("unchecked")
    public List<Path> memoryDirs() {
        return (List<Path>) values.get("indexing.memory_dirs");
    }

    /** {@code indexing.project_memory_dirs}: project-tier memory dirs, indexed with a project scope. May be empty. */
    @SuppressWarnings("unchecked")
    public List<Path> projectMemoryDirs() {
        return (List<Path>) values.get("indexing.project_memory_dirs");
    }

    /** Every directory the index, the watcher and the writer work in: memory dirs, then project memory dirs. */
    public List<Path> indexRoots() {
        return Stream.concat(memoryDirs().stream(), projectMemoryDirs().stream()).toList();
    }

    public int defaultTopK() {
        return intValue("search.default_top_k");
    }

    public int bm25Candidates() {
        return intValue("search.bm25_candidates");
    }

    public int denseCandidates() {
        return intValue("search.dense_candidates");
    }

    public int rrfK() {
        return intValue("search.rrf_k");
    }

    public boolean enableBm25() {
        return (Boolean) values.get("search.enable_bm25");
    }

    public boolean enableDense() {
        return (Boolean) values.get("search.enable_dense");
    }

    @SuppressWarnings("unchecked")
    public List<Double> rrfWeights() {
        return (List<Double>) values.get("search.rrf_weights");
    }

    @SuppressWarnings("unchecked")
    public List<String> systemNamespacePrefixes() {
        return (List<String>) values.get("search.system_namespace_prefixes");
    }

    public String defaultNamespace() {
        return (String) values.get("namespace.default_namespace");
    }

    public boolean enableAutoNamespace() {
        return (Boolean) values.get("namespace.enable_auto_ns");
    }

    @SuppressWarnings("unchecked")
    public List<String> supportedExtensions() {
        return (List<String>) values.get("indexing.supported_extensions");
    }

    @SuppressWarnings("unchecked")
    public List<String> excludePatterns() {
        return (List<String>) values.get("indexing.exclude_patterns");
    }

    public int maxChunkTokens() {
        return intValue("indexing.max_chunk_tokens");
    }

    public int minChunkTokens() {
        return intValue("indexing.min_chunk_tokens");
    }

    public int targetChunkTokens() {
        return intValue("indexing.target_chunk_tokens");
    }

    public int chunkOverlapTokens() {
        return intValue("indexing.chunk_overlap_tokens");
    }

    public int paragraphSplitThreshold() {
        return intValue("indexing.paragraph_split_threshold");
    }

    public String embeddingProvider() {
        return (String) values.get("embedding.provider");
    }

    public String embeddingModel() {
        return (String) values.get("embedding.model");
    }

    public int embeddingDimension() {
        return intValue("embedding.dimension");
    }

    public int embeddingMaxSequenceTokens() {
        return intValue("embedding.max_sequence_tokens");
    }

    public String embeddingBaseUrl() {
        return (String) values.get("embedding.base_url");
    }

    public String embeddingApiKey() {
        return (String) values.get("embedding.api_key");
    }

    public int embeddingBatchSize() {
        return intValue("embedding.batch_size");
    }

    /** Where the onnx provider extracts its native libraries ({@code embedding.cache_dir}, default ~/.memtomem/cache). */
    public Path embeddingCacheDir() {
        return (Path) values.get("embedding.cache_dir");
    }

    /** Dotted key to display value (paths as strings), in schema order. API keys are NOT masked here. */
    public Map<String, Object> effective() {
        Map<String, Object> view = new LinkedHashMap<>();
        values.forEach((key, value) -> view.put(key, display(value)));
        return Collections.unmodifiableMap(view);
    }

    /** The display value of one key; unknown keys fail with a did-you-mean suggestion. */
    public Object get(String dottedKey) {
        ConfigSchema.require(dottedKey, "");
        return display(values.get(dottedKey));
    }

    /** Where a key's value came from: {@code default}, {@code config} (config.json) or {@code env}. */
    public String origin(String dottedKey) {
        ConfigSchema.require(dottedKey, "");
        return origins.get(dottedKey);
    }

    Map<String, Object> effectiveTypedValues() {
        return values;
    }

    private int intValue(String key) {
        return (Integer) values.get(key);
    }

    private static Object display(Object value) {
        if (value instanceof Path path) {
            return path.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MemtomemConfig::display).toList();
        }
        return value;
    }
}
