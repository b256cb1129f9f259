package io.memtomem.core.embed;

import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import io.memtomem.core.embed.provider.RetryPolicy;

/** Reads the {@code embedding.*} section (already layered with {@code MEMTOMEM_EMBEDDING__*}) into provider settings. */
public final class EmbeddingConfig {

    private EmbeddingConfig() {
    }

    public static EmbeddingSettings settings(MemtomemConfig config) {
        return new EmbeddingSettings(config.embeddingProvider(), config.embeddingModel(), config.embeddingDimension(),
                config.embeddingBaseUrl(), config.embeddingApiKey(), config.embeddingCacheDir(),
                config.embeddingBatchSize(),
                config.embeddingMaxSequenceTokens(), EmbeddingSettings.DEFAULT_TIMEOUT, RetryPolicy.DEFAULT);
    }
}
