package io.memtomem.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code embedding} section as this build honours it: which provider and model turn text into vectors, where
 * requests go, and how texts are batched. {@code cacheDir} is where the onnx provider extracts native libraries.
 */
public record EmbeddingConfig(String provider, String model, int dimension, String baseUrl, String apiKey,
                              int batchSize, int maxSequenceTokens, Path cacheDir) {
    public EmbeddingConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(cacheDir, "cacheDir");
    }

    static EmbeddingConfig from(Map<String, Object> values) {
        return new EmbeddingConfig((String) values.get("embedding.provider"), (String) values.get("embedding.model"),
                (Integer) values.get("embedding.dimension"), (String) values.get("embedding.base_url"),
                (String) values.get("embedding.api_key"), (Integer) values.get("embedding.batch_size"),
                (Integer) values.get("embedding.max_sequence_tokens"), (Path) values.get("embedding.cache_dir"));
    }

    /** Never the key itself: records print their components, and configs end up in logs and test reports. */
    @Override
    public String toString() {
        return "EmbeddingConfig[provider=" + provider + ", model=" + model + ", dimension=" + dimension + ", baseUrl="
                + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + ", batchSize=" + batchSize
                + ", maxSequenceTokens=" + maxSequenceTokens + ", cacheDir=" + cacheDir + "]";
    }
}
