package io.memtomem.core.embed.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared batching and shape checks for providers that embed over HTTP; subclasses only speak their wire format. */
abstract class HttpEmbeddingProvider implements EmbeddingProvider {

    private final String model;
    private final int dimension;
    private final int batchSize;
    private final URI endpoint;
    private final JsonHttpTransport transport;

    HttpEmbeddingProvider(EmbeddingSettings settings, String defaultBaseUrl, String path) {
        this.model = settings.model();
        this.dimension = settings.dimension();
        this.batchSize = settings.batchSize();
        this.endpoint = endpoint(settings.baseUrl().isEmpty() ? defaultBaseUrl : settings.baseUrl(), path);
        if (model.isEmpty()) {
            throw new EmbeddingException(name(), endpoint.toString(), "embedding.model is empty; "
                    + "the provider, model and dimension must be configured together");
        }
        if (dimension <= 0) {
            throw new EmbeddingException(name(), endpoint.toString(), "embedding.dimension is " + dimension
                    + "; set it to the width of " + model);
        }
        this.transport = new JsonHttpTransport(name(), settings.requestTimeout(), settings.retry());
    }

    /** Accepts a base URL with or without the API path so both {@code http://h:8000} and {@code …/v1} work. */
    private static URI endpoint(String baseUrl, String path) {
        String base = baseUrl.replaceAll("/+$", "");
        String prefix = path.substring(0, path.lastIndexOf('/'));
        if (!prefix.isEmpty() && base.endsWith(prefix)) {
            base = base.substring(0, base.length() - prefix.length());
        }
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new EmbeddingException("embedding", baseUrl, "embedding.base_url is not a valid URL", e);
        }
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    public final URI endpoint() {
        return endpoint;
    }

    @Override
    public final List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            JsonNode reply = transport.post(endpoint, headers(), requestBody(batch));
            vectors.addAll(VectorShape.require(name(), endpoint.toString(), batch.size(), dimension, vectors(reply)));
        }
        return vectors;
    }

    protected Map<String, String> headers() {
        return Map.of();
    }

    protected abstract Object requestBody(List<String> batch);

    /** The vectors in input order; throws {@link EmbeddingException} when the reply lacks them. */
    protected abstract List<float[]> vectors(JsonNode reply);

    protected final float[] toVector(JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            throw malformed(where + " is not an array of numbers");
        }
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isNumber()) {
                throw malformed(where + "[" + i + "] is not a number");
            }
            vector[i] = value.floatValue();
        }
        return vector;
    }

    protected final EmbeddingException malformed(String problem) {
        return new EmbeddingException(name(), endpoint.toString(), "unexpected reply: " + problem);
    }
}
