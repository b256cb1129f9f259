package io.memtomem.core.embed;

import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import io.memtomem.core.embed.provider.RetryPolicy;

/** Turns the {@code embedding} section (already layered with {@code MEMTOMEM_EMBEDDING__*}) into provider settings. */
public final class EmbeddingConfig {

    private EmbeddingConfig() {
    }

    public static EmbeddingSettings settings(io.memtomem.core.config.EmbeddingConfig embedding) {
        return new EmbeddingSettings(embedding.provider(), embedding.model(), embedding.dimension(),
                embedding.baseUrl(), embedding.apiKey(), embedding.cacheDir(), embedding.batchSize(),
                embedding.maxSequenceTokens(), EmbeddingSettings.DEFAULT_TIMEOUT, RetryPolicy.DEFAULT);
    }

    /** As {@link #settings(io.memtomem.core.config.EmbeddingConfig)} for the whole configuration. */
    public static EmbeddingSettings settings(MemtomemConfig config) {
        return settings(config.embedding());
    }
}
