package io.memtomem.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Environment environment() {
        return new Environment(home, Map.of(), home);
    }

    private JsonNode written() throws IOException {
        return JSON.readTree(home.resolve(".memtomem/config.json").toFile());
    }

    @Test
    void setWritesOnlyTheDeltaAndCreatesThePrivateStoreDirectory() throws IOException {
        ConfigFile.set(MemtomemConfig.load(environment()), "search.default_top_k", "20");
        assertEquals("{\"search\":{\"default_top_k\":20}}", written().toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".memtomem"))));
        assertEquals(20, MemtomemConfig.load(environment()).search().defaultTopK());
    }

    @Test
    void settingTheDefaultValueRemovesTheEntry() throws IOException {
        ConfigFile.set(MemtomemConfig.load(environment()), "search.default_top_k", "20");
        ConfigFile.set(MemtomemConfig.load(environment()), "search.default_top_k", "10");
        assertEquals("{}", written().toString());
    }

    @Test
    void pathsUnderHomeAreStoredWithTilde() throws IOException {
        ConfigFile.set(MemtomemConfig.load(environment()), "indexing.memory_dirs",
                "[\"" + home.resolve("notes") + "\"]");
        assertEquals("~/notes", written().path("indexing").path("memory_dirs").get(0).asText());
    }

    @Test
    void unsetRestoresTheDefault() {
        ConfigFile.set(MemtomemConfig.load(environment()), "search.rrf_k", "30");
        ConfigFile.unset(MemtomemConfig.load(environment()), "search.rrf_k");
        assertEquals(60, MemtomemConfig.load(environment()).search().rrfK());
    }

    @Test
    void badValueIsRejectedAndNothingIsWritten() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigFile.set(MemtomemConfig.load(environment()), "search.default_top_k", "abc"));
        assertEquals("search.default_top_k", error.key());
        assertFalse(Files.exists(home.resolve(".memtomem")));
    }

    @Test
    void unknownKeyIsRejectedWithSuggestion() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigFile.set(MemtomemConfig.load(environment()), "indexing.memory_dir", "[]"));
        assertTrue(error.getMessage().contains("indexing.memory_dirs"), error.getMessage());
    }

    @Test
    void crossFieldRulesAreCheckedBeforeSaving() {
        assertThrows(ConfigException.class,
                () -> ConfigFile.set(MemtomemConfig.load(environment()), "indexing.max_chunk_tokens", "100"));
    }

    @Test
    void projectMemoryDirsAreSavedWithTildeAndMayNotRepeatAMemoryDir() throws IOException {
        ConfigFile.set(MemtomemConfig.load(environment()), "indexing.project_memory_dirs",
                "[\"~/app/.memtomem/memories.local\"]");
        assertEquals("~/app/.memtomem/memories.local",
                written().path("indexing").path("project_memory_dirs").get(0).asText());
        ConfigException overlap = assertThrows(ConfigException.class, () -> ConfigFile.set(
                MemtomemConfig.load(environment()), "indexing.project_memory_dirs", "[\"~/.memtomem/memories\"]"));
        assertEquals("indexing.project_memory_dirs", overlap.key());
        assertEquals(List.of(home.resolve("app/.memtomem/memories.local")),
                MemtomemConfig.load(environment()).indexing().projectMemoryDirs(), "the refused value was not written");
    }

    @Test
    void writeInitialAcceptsTextAndTypedValues() {
        ConfigFile.writeInitial(environment(), Map.of("embedding.provider", "none",
                "indexing.memory_dirs", List.of("~/mem"), "search.default_top_k", 15));
        MemtomemConfig config = MemtomemConfig.load(environment());
        assertTrue(config.isConfigured());
        assertEquals(List.of(home.resolve("mem")), config.indexing().memoryDirs());
        assertEquals(15, config.search().defaultTopK());
    }
}
