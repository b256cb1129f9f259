package io.memtomem.core.embed.provider;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderFactoryTest {

    private static EmbeddingSettings settings(String provider, String model, int dimension) {
        return EmbeddingSettings.of(provider, model, dimension, "", Path.of("unused"));
    }

    @Test
    void blankProviderMeansNone() {
        EmbeddingProvider provider = ProviderFactory.create(settings(" ", "", 0));

        assertInstanceOf(NoneProvider.class, provider);
        assertEquals(0, provider.dimension());
        assertEquals("none:v1", provider.fingerprint());
        assertThrows(EmbeddingException.class, () -> provider.embed(List.of("x")));
    }

    @Test
    void httpProvidersUseTheirDefaultEndpoints() {
        OpenAiProvider openai = (OpenAiProvider) ProviderFactory.create(settings("OpenAI", "text-embedding-3-small", 1536));
        OllamaProvider ollama = (OllamaProvider) ProviderFactory.create(settings("ollama", "nomic-embed-text", 768));

        assertEquals("https://api.openai.com/v1/embeddings", openai.endpoint().toString());
        assertEquals("http://localhost:11434/api/embed", ollama.endpoint().toString());
        assertEquals("openai:v1", openai.fingerprint());
    }

    @Test
    void unknownProviderListsTheChoices() {
        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> ProviderFactory.create(settings("fastembed", "", 0)));

        assertTrue(e.getMessage().contains("use one of none, onnx, openai, ollama"), e.getMessage());
    }

    @Test
    void onnxWithoutItsModuleSaysWhatIsMissing() {
        EmbeddingException e = assertThrows(EmbeddingException.class,
                () -> ProviderFactory.create(settings("onnx", "", 384)));

        assertTrue(e.getMessage().contains("memtomem-onnx module is not on the class path"), e.getMessage());
    }
}
