package io.memtomem.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemtomemConfigTest {
    @TempDir
    Path home;

    private MemtomemConfig load(String... env) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < env.length; i += 2) {
            variables.put(env[i], env[i + 1]);
        }
        return MemtomemConfig.load(new Environment(home, variables, home));
    }

    private void configJson(String json) throws IOException {
        Files.createDirectories(home.resolve(".memtomem"));
        Files.writeString(home.resolve(".memtomem/config.json"), json);
    }

    @Test
    void defaultsApplyWithoutConfigFileOrEnvironment() {
        MemtomemConfig config = load();
        assertEquals(home.resolve(".memtomem"), config.storeDir());
        assertEquals(home.resolve(".memtomem/memtomem.db"), config.storage().sqlitePath());
        assertEquals(List.of(home.resolve(".memtomem/memories")), config.indexing().memoryDirs());
        assertEquals(10, config.search().defaultTopK());
        assertEquals(60, config.search().rrfK());
        assertEquals("default", config.namespace().defaultNamespace());
        assertEquals("none", config.embedding().provider());
        assertEquals(0, config.embedding().dimension());
        assertFalse(config.isConfigured());
        assertEquals("default", config.origin("search.default_top_k"));
    }

    @Test
    void loadingNeverCreatesTheStoreDirectory() {
        load();
        assertFalse(Files.exists(home.resolve(".memtomem")));
    }

    @Test
    void configFileOverridesDefaultsAndMarksTheStoreConfigured() throws IOException {
        configJson("{\"search\": {\"default_top_k\": 25}, \"indexing\": {\"memory_dirs\": [\"~/notes\"]}}");
        MemtomemConfig config = load();
        assertEquals(25, config.search().defaultTopK());
        assertEquals(List.of(home.resolve("notes")), config.indexing().memoryDirs());
        assertTrue(config.isConfigured());
        assertEquals("config", config.origin("search.default_top_k"));
    }

    @Test
    void environmentOverridesConfigFileWithDoubleUnderscoreNestingCaseInsensitively() throws IOException {
        configJson("{\"search\": {\"default_top_k\": 25}}");
        MemtomemConfig config = load("memtomem_search__default_top_k", "40");
        assertEquals(40, config.search().defaultTopK());
        assertEquals("env", config.origin("search.default_top_k"));
    }

    @Test
    void environmentListValuesAreJsonAndPathsExpandTheHomeDirectory() {
        MemtomemConfig config = load("MEMTOMEM_INDEXING__MEMORY_DIRS", "[\"~/a\", \"/abs/b\"]",
                "MEMTOMEM_STORAGE__SQLITE_PATH", "~/db/x.db");
        assertEquals(List.of(home.resolve("a"), Path.of("/abs/b")), config.indexing().memoryDirs());
        assertEquals(home.resolve("db/x.db"), config.storage().sqlitePath());
    }

    @Test
    void anEmptyMemoryDirListIsValid() {
        assertEquals(List.of(), load("MEMTOMEM_INDEXING__MEMORY_DIRS", "[]").indexing().memoryDirs());
    }

    @Test
    void projectMemoryDirsDefaultToNoneAndJoinTheMemoryDirsAsIndexRoots() throws IOException {
        assertEquals(List.of(), load().indexing().projectMemoryDirs());
        configJson("{\"indexing\": {\"project_memory_dirs\": [\"~/proj/.memtomem/memories\", \"/w/.memtomem/"
                + "memories.local\"]}}");
        MemtomemConfig config = load();
        assertEquals(List.of(home.resolve("proj/.memtomem/memories"), Path.of("/w/.memtomem/memories.local")),
                config.indexing().projectMemoryDirs());
        assertEquals(List.of(home.resolve(".memtomem/memories"), home.resolve("proj/.memtomem/memories"),
                Path.of("/w/.memtomem/memories.local")), config.indexing().indexRoots());
        assertEquals(List.of(home.resolve("proj/.memtomem/memories").toString(), "/w/.memtomem/memories.local"),
                config.get("indexing.project_memory_dirs"));
    }

    @Test
    void projectMemoryDirsMustBeAJsonListOfDistinctPaths() {
        ConfigException notAList = assertThrows(ConfigException.class,
                () -> load("MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "~/proj/.memtomem/memories"));
        assertEquals("indexing.project_memory_dirs", notAList.key());
        assertTrue(notAList.getMessage().contains("JSON list of paths"), notAList.getMessage());
        ConfigException twice = assertThrows(ConfigException.class,
                () -> load("MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "[\"~/p/m\", \"~/p/m\"]"));
        assertEquals("indexing.project_memory_dirs", twice.key());
        assertTrue(twice.getMessage().contains("listed only once"), twice.getMessage());
    }

    @Test
    void anInMemoryDatabaseIsRefusedAndNoFileNamedMemoryIsCreated() {
        for (String special : List.of(":memory:", "file:memtomem.db?mode=memory")) {
            ConfigException error = assertThrows(ConfigException.class,
                    () -> load("MEMTOMEM_STORAGE__SQLITE_PATH", special));
            assertEquals("storage.sqlite_path", error.key());
            assertTrue(error.getMessage().contains("cannot be shared by the server and mm"), error.getMessage());
        }
        assertFalse(Files.exists(home.resolve(":memory:")));
    }

    @Test
    void aDirectoryCannotBeBothAMemoryDirAndAProjectMemoryDir() {
        ConfigException error = assertThrows(ConfigException.class, () -> load(
                "MEMTOMEM_INDEXING__MEMORY_DIRS", "[\"~/shared\"]",
                "MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "[\"~/shared\"]"));
        assertEquals("indexing.project_memory_dirs", error.key());
        assertTrue(error.getMessage().contains("also in indexing.memory_dirs"), error.getMessage());
    }

    @Test
    void aWholeSectionCanBeGivenAsJsonInOneVariable() {
        assertEquals(7, load("MEMTOMEM_SEARCH", "{\"default_top_k\": 7}").search().defaultTopK());
    }

    @Test
    void memtomemVariablesWithoutNestingThatAreNotSectionsAreIgnored() {
        assertEquals(10, load("MEMTOMEM_TOOL_MODE", "full", "MEMTOMEM_LOG_LEVEL", "debug").search().defaultTopK());
    }

    @Test
    void unknownKeyInConfigFileIsAWarningThatSuggestsTheClosestAndTheRestStillApplies() throws IOException {
        configJson("{\"search\": {\"defualt_top_k\": 5, \"rrf_k\": 30}}");
        MemtomemConfig config = load();
        assertEquals(30, config.search().rrfK());
        assertEquals(10, config.search().defaultTopK());
        assertEquals(1, config.warnings().size());
        String warning = config.warnings().get(0);
        assertTrue(warning.contains("'search.defualt_top_k'") && warning.contains("config.json")
                && warning.contains("Did you mean 'search.default_top_k'?"), warning);
    }

    @Test
    void unknownSectionInConfigFileIsAWarning() throws IOException {
        configJson("{\"serch\": {}, \"search\": {\"rrf_k\": 30}}");
        MemtomemConfig config = load();
        assertEquals(30, config.search().rrfK());
        assertTrue(config.warnings().get(0).contains("'serch'"), config.warnings().toString());
    }

    @Test
    void unknownNestedEnvironmentKeyIsAWarningNamingTheVariable() {
        MemtomemConfig config = load("MEMTOMEM_SEARCH__TOPK", "3");
        assertEquals(10, config.search().defaultTopK());
        assertTrue(config.warnings().get(0).contains("MEMTOMEM_SEARCH__TOPK"), config.warnings().toString());
    }

    @Test
    void aKnownSectionThatIsNotAnObjectStaysAnError() throws IOException {
        configJson("{\"search\": 5}");
        assertEquals("search", assertThrows(ConfigException.class, this::load).key());
    }

    @Test
    void badValueNamesTheKeyAndWhatWasExpected() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> load("MEMTOMEM_SEARCH__DEFAULT_TOP_K", "many"));
        assertEquals("search.default_top_k", error.key());
        assertTrue(error.getMessage().contains("expected an integer"), error.getMessage());
    }

    @Test
    void outOfRangeValueIsRejected() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> load("MEMTOMEM_SEARCH__DEFAULT_TOP_K", "0"));
        assertTrue(error.getMessage().contains("between 1 and 100"), error.getMessage());
    }

    @Test
    void listValueThatIsNotJsonIsRejected() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> load("MEMTOMEM_INDEXING__MEMORY_DIRS", "~/notes"));
        assertEquals("indexing.memory_dirs", error.key());
        assertTrue(error.getMessage().contains("JSON list"), error.getMessage());
    }

    @Test
    void wrongJsonTypeInConfigFileIsRejected() throws IOException {
        configJson("{\"search\": {\"enable_bm25\": \"maybe\"}}");
        assertEquals("search.enable_bm25", assertThrows(ConfigException.class, this::load).key());
    }

    @Test
    void malformedConfigFileIsAConfigErrorNamingTheFile() throws IOException {
        configJson("{\"search\": ");
        ConfigException error = assertThrows(ConfigException.class, this::load);
        assertTrue(error.getMessage().contains("config.json"), error.getMessage());
    }

    @Test
    void crossFieldRuleRejectsMinChunkTokensAboveMax() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> load("MEMTOMEM_INDEXING__MIN_CHUNK_TOKENS", "600"));
        assertEquals("indexing.min_chunk_tokens", error.key());
    }

    @Test
    void getReturnsDisplayValuesAndRejectsUnknownKeysWithSuggestion() {
        MemtomemConfig config = load();
        assertEquals(10, config.get("search.default_top_k"));
        assertEquals(List.of(home.resolve(".memtomem/memories").toString()), config.get("indexing.memory_dirs"));
        ConfigException error = assertThrows(ConfigException.class, () -> config.get("search.default_topk"));
        assertTrue(error.getMessage().contains("search.default_top_k"));
        assertTrue(config.effective().containsKey("embedding.api_key"));
    }
}
