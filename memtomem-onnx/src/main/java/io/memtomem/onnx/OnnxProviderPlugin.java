package io.memtomem.onnx;

import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import io.memtomem.core.embed.provider.ProviderPlugin;

/** Registers {@code embedding.provider=onnx}; constructing the plugin loads no ONNX class. */
public final class OnnxProviderPlugin implements ProviderPlugin {

    @Override
    public String name() {
        return OnnxProvider.NAME;
    }

    @Override
    public EmbeddingProvider create(EmbeddingSettings settings) {
        return new OnnxProvider(settings);
    }
}
