package io.memtomem.core.embed.provider;

import java.util.List;

/**
 * Turns texts into vectors. One instance per store; implementations are thread-safe.
 *
 * <p>{@link #embed} returns exactly one vector of {@link #dimension()} floats per input, in input order, or throws an
 * {@link EmbeddingException} naming the provider and the endpoint.
 */
public interface EmbeddingProvider extends AutoCloseable {

    /** Config name: {@code none}, {@code onnx}, {@code openai} or {@code ollama}. */
    String name();

    String model();

    /** Vector width; 0 means this provider produces no vectors (BM25 only). */
    int dimension();

    List<float[]> embed(List<String> texts);

    /**
     * Identifies how texts become vectors beyond provider/model/dimension (memory-core §6.2), so a policy change is
     * detected like a model change.
     */
    default String fingerprint() {
        return name() + ":v1";
    }

    /** Releases native sessions or HTTP clients; the default has nothing to release. */
    @Override
    default void close() {
    }
}
