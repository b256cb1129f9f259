package io.memtomem.core.embed;

import io.memtomem.core.embed.provider.EmbeddingProvider;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes two vectors comparable: provider, model, dimension and policy fingerprint (memory-core §6.2). The
 * store records the identity its vectors were made with in {@code _memtomem_meta}; any difference from the
 * configured provider is an embedding mismatch.
 */
public record EmbeddingIdentity(String provider, String model, int dimension, String policyFingerprint) {

    static final String PROVIDER_KEY = "embedding_provider";
    static final String MODEL_KEY = "embedding_model";
    static final String DIMENSION_KEY = "embedding_dimension";
    static final String FINGERPRINT_KEY = "embedding_policy_fingerprint";

    /**
     * Written out rather than generated: a record's generated equals/hashCode is linked through
     * {@code ObjectMethods} on first use, ~15 ms of method-handle spinning in a cold process, and every store open
     * compares the stored identity with the configured one.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof EmbeddingIdentity that && dimension == that.dimension
                && Objects.equals(provider, that.provider) && Objects.equals(model, that.model)
                && Objects.equals(policyFingerprint, that.policyFingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, model, dimension, policyFingerprint);
    }

    public static EmbeddingIdentity of(EmbeddingProvider provider) {
        return new EmbeddingIdentity(provider.name(), provider.model(), provider.dimension(), provider.fingerprint());
    }

    /** The stored identity, or empty for a store that never recorded one (fresh or legacy: back-filled on open). */
    public static Optional<EmbeddingIdentity> fromMeta(Map<String, String> meta) {
        String provider = meta.get(PROVIDER_KEY);
        if (provider == null) {
            return Optional.empty();
        }
        int dimension;
        try {
            dimension = Integer.parseInt(meta.getOrDefault(DIMENSION_KEY, "0").trim());
        } catch (NumberFormatException e) {
            dimension = -1; // unreadable: never equal to a configured dimension, so it surfaces as a mismatch
        }
        return Optional.of(new EmbeddingIdentity(provider, meta.getOrDefault(MODEL_KEY, ""), dimension,
                meta.getOrDefault(FINGERPRINT_KEY, provider + ":v1")));
    }

    public Map<String, String> toMeta() {
        return Map.of(PROVIDER_KEY, provider, MODEL_KEY, model, DIMENSION_KEY, Integer.toString(dimension),
                FINGERPRINT_KEY, policyFingerprint);
    }

    public boolean producesVectors() {
        return dimension > 0;
    }

    /** e.g. {@code onnx/all-MiniLM-L6-v2-q (384-d, onnx:v1:max_sequence_tokens=1024)}. */
    public String describe() {
        return provider + (model.isEmpty() ? "" : "/" + model) + " (" + dimension + "-d, " + policyFingerprint + ")";
    }
}
