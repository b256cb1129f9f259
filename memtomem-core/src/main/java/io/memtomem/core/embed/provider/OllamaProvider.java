package io.memtomem.core.embed.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A local or remote Ollama server's batch endpoint {@code POST /api/embed}. */
public final class OllamaProvider extends HttpEmbeddingProvider {

    public static final String NAME = "ollama";
    static final String DEFAULT_BASE_URL = "http://localhost:11434";

    public OllamaProvider(EmbeddingSettings settings) {
        super(settings, DEFAULT_BASE_URL, "/api/embed");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Object requestBody(List<String> batch) {
        return Map.of("model", model(), "input", batch);
    }

    /** {@code {"embeddings":[[…],[…]]}} in input order. */
    @Override
    protected List<float[]> vectors(JsonNode reply) {
        JsonNode embeddings = reply.get("embeddings");
        if (embeddings == null || !embeddings.isArray()) {
            throw malformed("no \"embeddings\" array");
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (int i = 0; i < embeddings.size(); i++) {
            vectors.add(toVector(embeddings.get(i), "embeddings[" + i + "]"));
        }
        return vectors;
    }
}
