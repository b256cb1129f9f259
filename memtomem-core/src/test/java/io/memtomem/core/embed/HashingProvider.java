package io.memtomem.core.embed;

import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.embed.provider.EmbeddingProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic bag-of-words embedder for tests: texts that share words get close vectors, with no model.
 * {@link #failing} makes every call throw, like an unreachable server.
 */
public final class HashingProvider implements EmbeddingProvider {

    private final String model;
    private final int dimension;
    volatile boolean failing;
    volatile int calls;

    HashingProvider(String model, int dimension) {
        this.model = model;
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        calls++;
        if (failing) {
            throw new EmbeddingException(name(), "http://127.0.0.1:9/api/embed", "connection failed: refused");
        }
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.add(vector(text, dimension));
        }
        return vectors;
    }

    /** Word counts hashed into {@code dimension} buckets. */
    public static float[] vector(String text, int dimension) {
        float[] vector = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimension)] += 1;
            }
        }
        return vector;
    }
}
