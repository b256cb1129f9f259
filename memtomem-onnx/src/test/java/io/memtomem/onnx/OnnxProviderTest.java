package io.memtomem.onnx;

import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import io.memtomem.core.embed.provider.ProviderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the real bundled model once; no network is involved. */
class OnnxProviderTest {

    /** Cannot be created even by root, so any attempt to cache under HOME would fail the model load. */
    private static final String UNWRITABLE_HOME = "/proc/memtomem-read-only-home";

    @TempDir
    static Path cacheDir;
    private static String realHome;
    private static EmbeddingProvider provider;

    @BeforeAll
    static void load() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", UNWRITABLE_HOME);
        provider = ProviderFactory.create(EmbeddingSettings.of("onnx", "", 384, "", cacheDir));
        provider.embed(List.of("loads the model and its native libraries"));
    }

    @AfterAll
    static void restore() {
        provider.close();
        System.setProperty("user.home", realHome);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void identifiesItself() {
        assertEquals("onnx", provider.name());
        assertEquals("all-MiniLM-L6-v2-q", provider.model());
        assertEquals(384, provider.dimension());
        assertEquals("onnx:v1:max_sequence_tokens=1024", provider.fingerprint());
    }

    @Test
    void producesUnitVectorsThatPlaceRelatedTextsCloser() {
        List<float[]> vectors = provider.embed(List.of(
                "How do we roll out a new release without downtime?",
                "Blue-green deployment switches traffic to the new version only after it passes health checks.",
                "My cat enjoys sleeping in the afternoon sun."));

        assertEquals(3, vectors.size());
        for (float[] vector : vectors) {
            assertEquals(384, vector.length);
            assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-4);
        }
        double related = dot(vectors.get(0), vectors.get(1));
        double unrelated = dot(vectors.get(0), vectors.get(2));
        assertTrue(related > unrelated + 0.2, "related " + related + " vs unrelated " + unrelated);
    }

    @Test
    void batchAndSingleCallsAgree() {
        float[] single = provider.embed(List.of("sqlite write-ahead log")).get(0);
        float[] batched = provider.embed(List.of("other text", "sqlite write-ahead log")).get(1);

        assertEquals(1.0, dot(single, batched), 1e-5);
    }

    @Test
    void nativeLibrariesAreExtractedUnderTheCacheDirOnly() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            List<String> names = files.map(path -> path.getFileName().toString()).toList();
            assertTrue(names.contains(System.mapLibraryName("onnxruntime")), names.toString());
            assertTrue(names.contains(System.mapLibraryName("tokenizers")), names.toString());
        }
        assertFalse(Files.exists(Path.of(UNWRITABLE_HOME)));
    }

    @Test
    void creatingAProviderLoadsNothingUntilTheFirstEmbed(@TempDir Path otherCache) throws IOException {
        try (EmbeddingProvider idle = ProviderFactory.create(EmbeddingSettings.of("onnx", "", 0, "", otherCache));
             Stream<Path> files = Files.list(otherCache)) {
            assertEquals(384, idle.dimension());
            assertEquals(0, files.count());
        }
    }

    @Test
    void rejectsAnUnknownModelOrAWrongDimension() {
        EmbeddingException model = assertThrows(EmbeddingException.class,
                () -> ProviderFactory.create(EmbeddingSettings.of("onnx", "bge-m3", 1024, "", cacheDir)));
        EmbeddingException dimension = assertThrows(EmbeddingException.class,
                () -> ProviderFactory.create(EmbeddingSettings.of("onnx", "all-MiniLM-L6-v2-q", 768, "", cacheDir)));

        assertTrue(model.getMessage().contains("embedding.model must be one of all-MiniLM-L6-v2-q"), model.getMessage());
        assertTrue(dimension.getMessage().contains("set embedding.dimension to 384"), dimension.getMessage());
    }
}
