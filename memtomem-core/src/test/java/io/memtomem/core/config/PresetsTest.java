package io.memtomem.core.config;

import io.memtomem.core.embed.EmbeddingConfig;
import io.memtomem.core.embed.provider.EmbeddingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest {

    @TempDir
    Path home;

    private MemtomemConfig load(Map<String, String> env) {
        return MemtomemConfig.load(new Environment(home, env, home));
    }

    @Test
    void englishPresetWritesTheLocalModelTogetherWithItsDimension() {
        ConfigFile.writeInitial(new Environment(home, Map.of(), home), Presets.values(Presets.ENGLISH));

        MemtomemConfig config = load(Map.of());

        assertEquals("onnx", config.embedding().provider());
        assertEquals("all-MiniLM-L6-v2-q", config.embedding().model());
        assertEquals(384, config.embedding().dimension());
    }

    @Test
    void minimalPresetIsBm25Only() {
        ConfigFile.writeInitial(new Environment(home, Map.of(), home), Presets.values(Presets.MINIMAL));

        assertEquals("none", load(Map.of()).embedding().provider());
    }

    @Test
    void unknownPresetNamesTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> Presets.values("korean"));

        assertTrue(e.getMessage().contains("choose minimal or english"), e.getMessage());
    }

    @Test
    void embeddingSettingsComeFromEnvOverConfigAndTheCacheDefaultsUnderTheStore() {
        EmbeddingSettings defaults = EmbeddingConfig.settings(load(Map.of()));
        EmbeddingSettings fromEnv = EmbeddingConfig.settings(load(Map.of(
                "MEMTOMEM_EMBEDDING__PROVIDER", "openai",
                "MEMTOMEM_EMBEDDING__MODEL", "text-embedding-3-small",
                "MEMTOMEM_EMBEDDING__DIMENSION", "1536",
                "MEMTOMEM_EMBEDDING__BASE_URL", "http://127.0.0.1:8000/v1",
                "MEMTOMEM_EMBEDDING__API_KEY", "sk-env",
                "MEMTOMEM_EMBEDDING__CACHE_DIR", home.resolve("writable").toString())));

        assertEquals(home.resolve(".memtomem/cache"), defaults.cacheDir());
        assertEquals("none", defaults.provider());
        assertEquals("openai", fromEnv.provider());
        assertEquals(1536, fromEnv.dimension());
        assertEquals("http://127.0.0.1:8000/v1", fromEnv.baseUrl());
        assertEquals("sk-env", fromEnv.apiKey());
        assertEquals(home.resolve("writable"), fromEnv.cacheDir());
    }
}
