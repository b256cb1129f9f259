package io.memtomem.core.embed.provider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a provider needs from the {@code embedding.*} config section, already layered (defaults, config file, env).
 *
 * @param provider          {@code none|onnx|openai|ollama}
 * @param model             model name; blank lets a local provider pick its default
 * @param dimension         configured vector width; must match what the model returns
 * @param baseUrl           HTTP endpoint root; blank means the provider's default
 * @param apiKey            bearer key for OpenAI-compatible endpoints; blank sends none
 * @param cacheDir          writable directory for extracted native libraries (never the read-only HOME)
 * @param batchSize         texts per HTTP request
 * @param maxSequenceTokens token budget of the local model's input; part of the onnx policy fingerprint
 * @param requestTimeout    per-request HTTP timeout
 * @param retry             backoff for 429, 5xx and timeouts
 */
public record EmbeddingSettings(String provider, String model, int dimension, String baseUrl, String apiKey,
                                Path cacheDir, int batchSize, int maxSequenceTokens, Duration requestTimeout,
                                RetryPolicy retry) {

    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int DEFAULT_MAX_SEQUENCE_TOKENS = 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public EmbeddingSettings {
        provider = provider == null || provider.isBlank() ? NoneProvider.NAME : provider.trim().toLowerCase(Locale.ROOT);
        model = model == null ? "" : model.trim();
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        apiKey = apiKey == null ? "" : apiKey.trim();
        if (dimension < 0) {
            throw new IllegalArgumentException("embedding.dimension must be >= 0, got " + dimension);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("embedding.batch_size must be >= 1, got " + batchSize);
        }
    }

    /** Settings with the documented defaults for everything but the four identifying keys. */
    public static EmbeddingSettings of(String provider, String model, int dimension, String baseUrl, Path cacheDir) {
        return new EmbeddingSettings(provider, model, dimension, baseUrl, "", cacheDir, DEFAULT_BATCH_SIZE,
                DEFAULT_MAX_SEQUENCE_TOKENS, DEFAULT_TIMEOUT, RetryPolicy.DEFAULT);
    }

    public EmbeddingSettings withApiKey(String key) {
        return new EmbeddingSettings(provider, model, dimension, baseUrl, key, cacheDir, batchSize, maxSequenceTokens,
                requestTimeout, retry);
    }

    public EmbeddingSettings withTransport(Duration timeout, RetryPolicy retryPolicy) {
        return new EmbeddingSettings(provider, model, dimension, baseUrl, apiKey, cacheDir, batchSize,
                maxSequenceTokens, timeout, retryPolicy);
    }
}
