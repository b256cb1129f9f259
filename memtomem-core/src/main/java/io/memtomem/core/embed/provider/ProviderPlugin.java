package io.memtomem.core.embed.provider;

/**
 * A provider that lives in an optional module (e.g. {@code memtomem-onnx}) and is found through
 * {@link java.util.ServiceLoader}, so core never links against its heavy dependencies.
 *
 * <p>Implementations must have a cheap no-arg constructor that touches none of those dependencies: the loader
 * instantiates every registered plugin just to read {@link #name()}.
 */
public interface ProviderPlugin {

    String name();

    EmbeddingProvider create(EmbeddingSettings settings);
}
