package io.memtomem.core.embed.provider;

import java.util.List;

/** The default: no vectors, so search is BM25 only and no ML class is ever loaded. */
public final class NoneProvider implements EmbeddingProvider {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return "";
    }

    @Override
    public int dimension() {
        return 0;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        throw new EmbeddingException(NAME, "embedding.provider", "no embedding provider is configured; set "
                + "embedding.provider to onnx, openai or ollama");
    }
}
