package io.memtomem.core.embed.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Any OpenAI-compatible {@code POST /v1/embeddings} endpoint (OpenAI, vLLM, LM Studio, …). */
public final class OpenAiProvider extends HttpEmbeddingProvider {

    public static final String NAME = "openai";
    static final String DEFAULT_BASE_URL = "https://api.openai.com";

    private final String apiKey;

    public OpenAiProvider(EmbeddingSettings settings) {
        super(settings, DEFAULT_BASE_URL, "/v1/embeddings");
        this.apiKey = settings.apiKey();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Map<String, String> headers() {
        return apiKey.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    @Override
    protected Object requestBody(List<String> batch) {
        return Map.of("model", model(), "input", batch);
    }

    /** {@code {"data":[{"index":i,"embedding":[…]}]}}; entries are ordered by {@code index}, not by position. */
    @Override
    protected List<float[]> vectors(JsonNode reply) {
        JsonNode data = reply.get("data");
        if (data == null || !data.isArray()) {
            throw malformed("no \"data\" array");
        }
        float[][] ordered = new float[data.size()][];
        for (int i = 0; i < ordered.length; i++) {
            JsonNode entry = data.get(i);
            int index = entry.path("index").asInt(i);
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                throw malformed("data[" + i + "].index " + index + " is out of range or repeated");
            }
            ordered[index] = toVector(entry.get("embedding"), "data[" + i + "].embedding");
        }
        return Arrays.asList(ordered);
    }
}
