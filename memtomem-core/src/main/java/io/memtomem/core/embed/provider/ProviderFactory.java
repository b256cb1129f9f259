package io.memtomem.core.embed.provider;

import java.util.ServiceLoader;

/** Builds the configured provider; plugin modules are consulted only when their name is asked for. */
public final class ProviderFactory {

    public static final String ONNX = "onnx";

    private ProviderFactory() {
    }

    public static EmbeddingProvider create(EmbeddingSettings settings) {
        switch (settings.provider()) {
            case NoneProvider.NAME:
                return new NoneProvider();
            case OpenAiProvider.NAME:
                return new OpenAiProvider(settings);
            case OllamaProvider.NAME:
                return new OllamaProvider(settings);
            case ONNX:
                return plugin(ONNX).create(settings);
            default:
                throw new EmbeddingException(settings.provider(), "embedding.provider",
                        "unknown provider; use one of none, onnx, openai, ollama");
        }
    }

    private static ProviderPlugin plugin(String name) {
        for (ProviderPlugin plugin : ServiceLoader.load(ProviderPlugin.class, ProviderFactory.class.getClassLoader())) {
            if (plugin.name().equals(name)) {
                return plugin;
            }
        }
        throw new EmbeddingException(name, "embedding.provider", "the memtomem-onnx module is not on the class path; "
                + "install the full distribution or choose provider none, openai or ollama");
    }
}
