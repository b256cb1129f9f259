package io.memtomem.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration: defaults, then {@code ~/.memtomem/config.json}, then {@code MEMTOMEM_*} variables.
 * Loading never creates files; a bad key or value is a {@link ConfigException} naming the key.
 */
public final class MemtomemConfig {
    private final Environment environment;
    private final Map<String, Object> values;
    private final Map<String, String> origins;
    private final List<String> warnings;
    private final StorageConfig storage;
    private final EmbeddingConfig embedding;
    private final SearchConfig search;
    private final IndexingConfig indexing;
    private final NamespaceConfig namespace;

    private MemtomemConfig(Environment environment, Map<String, Object> values, Map<String, String> origins,
                           List<String> warnings) {
        this.environment = environment;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        this.warnings = List.copyOf(warnings);
        this.storage = StorageConfig.from(values);
        this.embedding = EmbeddingConfig.from(values);
        this.search = SearchConfig.from(values);
        this.indexing = IndexingConfig.from(values);
        this.namespace = NamespaceConfig.from(values);
    }

    public StorageConfig storage() {
        return storage;
    }

    public EmbeddingConfig embedding() {
        return embedding;
    }

    public SearchConfig search() {
        return search;
    }

    public IndexingConfig indexing() {
        return indexing;
    }

    public NamespaceConfig namespace() {
        return namespace;
    }

    public static MemtomemConfig load(Environment environment) {
        ConfigLayers layers = ConfigLayers.load(environment, configFile(environment));
        return new MemtomemConfig(environment, layers.values, layers.origins, layers.warnings);
    }

    /**
     * A typed builder over the defaults (config.json and the environment are not read): how tests and embedders set
     * up a store without writing JSON into environment strings. Values are validated by the key table as on load.
     */
    public static Builder builder(Environment environment) {
        return new Builder(environment);
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

    private static Object display(Object value) {
        if (value instanceof Path path) {
            return path.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MemtomemConfig::display).toList();
        }
        return value;
    }

    /** See {@link #builder(Environment)}. */
    public static final class Builder {
        private final Environment environment;
        private final ConfigLayers layers;

        private Builder(Environment environment) {
            this.environment = environment;
            this.layers = ConfigLayers.defaults(environment);
        }

        /** {@code indexing.memory_dirs}; the first receives new memories. */
        public Builder memoryDirs(Path... dirs) {
            return set("indexing.memory_dirs", List.of(dirs));
        }

        public Builder projectMemoryDirs(Path... dirs) {
            return set("indexing.project_memory_dirs", List.of(dirs));
        }

        public Builder sqlitePath(Path file) {
            return set("storage.sqlite_path", file);
        }

        /** Provider, model and dimension belong together (memory-core §6). */
        public Builder embedding(String provider, String model, int dimension) {
            return set("embedding.provider", provider).set("embedding.model", model)
                    .set("embedding.dimension", dimension);
        }

        public Builder embeddingEndpoint(String baseUrl, String apiKey) {
            return set("embedding.base_url", baseUrl).set("embedding.api_key", apiKey);
        }

        public Builder defaultTopK(int topK) {
            return set("search.default_top_k", topK);
        }

        public Builder enableDense(boolean enabled) {
            return set("search.enable_dense", enabled);
        }

        public Builder excludePatterns(String... globs) {
            return set("indexing.exclude_patterns", List.of(globs));
        }

        /** Any key of the table with a value of its kind (Integer, Boolean, String, Path, List...). */
        public Builder set(String dottedKey, Object value) {
            ConfigKey key = ConfigSchema.require(dottedKey, "");
            Object typed = key.parseJson(ValueKind.treeOf(value), environment, " (builder)");
            layers.values.put(dottedKey, typed);
            layers.origins.put(dottedKey, "config");
            return this;
        }

        /** Checks the cross-field rules, as loading does. */
        public MemtomemConfig build() {
            CrossFieldRules.check(layers.values);
            return new MemtomemConfig(environment, layers.values, layers.origins, List.of());
        }
    }
}
