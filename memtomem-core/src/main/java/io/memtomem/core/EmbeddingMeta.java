package io.memtomem.core;

import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.embed.EmbeddingState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedding identity recorded in {@code _memtomem_meta} (memory-core.md §6.2-6.3): provider, model, dimension
 * and policy fingerprint. A fresh store is back-filled with the configured identity; a later difference is a
 * mismatch that blocks writes until {@code embedding-reset}.
 */
record EmbeddingMeta(String provider, String model, int dimension, String fingerprint) {
    private static final String PROVIDER = "embedding_provider";
    private static final String MODEL = "embedding_model";
    private static final String DIMENSION = "embedding_dimension";
    private static final String FINGERPRINT = "embedding_policy_fingerprint";
    private static final String MAX_SEQUENCE_TOKENS = "embedding_max_sequence_tokens";

    static EmbeddingMeta configured(MemtomemConfig config) {
        String provider = config.embeddingProvider();
        String fingerprint = "onnx".equals(provider)
                ? "onnx:v1:max_sequence_tokens=" + config.embeddingMaxSequenceTokens() : provider + ":v1";
        return new EmbeddingMeta(provider, config.embeddingModel(), config.embeddingDimension(), fingerprint);
    }

    /** The stored identity; keys a legacy store lacks fall back to the configured values (back-fill semantics). */
    static EmbeddingMeta stored(Map<String, String> meta, EmbeddingMeta fallback) {
        return new EmbeddingMeta(meta.getOrDefault(PROVIDER, fallback.provider()),
                meta.getOrDefault(MODEL, fallback.model()),
                parseDimension(meta.get(DIMENSION), fallback.dimension()),
                meta.getOrDefault(FINGERPRINT, fallback.fingerprint()));
    }

    static Map<String, String> toMeta(EmbeddingMeta identity, MemtomemConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PROVIDER, identity.provider());
        values.put(MODEL, identity.model());
        values.put(DIMENSION, Integer.toString(identity.dimension()));
        values.put(FINGERPRINT, identity.fingerprint());
        values.put(MAX_SEQUENCE_TOKENS, Integer.toString(config.embeddingMaxSequenceTokens()));
        return values;
    }

    static EmbeddingState state(EmbeddingMeta stored, EmbeddingMeta configured) {
        return new EmbeddingState(stored.provider(), stored.model(), stored.dimension(), configured.provider(),
                configured.model(), configured.dimension(), !stored.equals(configured), 0, 0);
    }

    String describe() {
        return provider + "/" + (model.isEmpty() ? "-" : model) + "/" + dimension;
    }

    private static int parseDimension(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
