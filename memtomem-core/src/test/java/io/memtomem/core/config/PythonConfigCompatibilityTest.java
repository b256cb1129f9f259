package io.memtomem.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.SharedEval;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code config.json} the Python memtomem wrote loads here, and what we save looks like what it saves. The fixtures
 * under {@code python-config/} are the reference's {@code json.dumps(indent=2)} output: its {@code mm init} minimal and
 * english presets, and every one of its 123 keys (from {@code shared/specs/python-config-keys.json}).
 */
class PythonConfigCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Environment environment() {
        return new Environment(home, Map.of(), home);
    }

    private Path installFixture(String name) throws IOException {
        Path file = home.resolve(".memtomem/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, fixture(name));
        return file;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PythonConfigCompatibilityTest.class.getResourceAsStream("/python-config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, JsonNode> referenceKeys() throws IOException {
        JsonNode keys = JSON.readTree(SharedEval.locate().resolve("specs/python-config-keys.json").toFile()).get("keys");
        Map<String, JsonNode> result = new java.util.LinkedHashMap<>();
        keys.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    @Test
    void everyReferenceKeyIsInTheKeyTableWithTheReferenceDefault() throws IOException {
        Map<String, JsonNode> reference = referenceKeys();
        assertEquals(123, reference.size());
        List<String> wrong = new ArrayList<>();
        reference.forEach((name, expected) -> {
            ConfigKey key = ConfigSchema.find(name).orElse(null);
            if (key == null) {
                wrong.add(name + ": missing");
                return;
            }
            JsonNode ours = key.kind().toJson(key.defaultValue(environment()), environment());
            if (!sameJson(expected, ours)) {
                wrong.add(name + ": default " + ours + ", reference " + expected);
            }
        });
        assertEquals(List.of(), wrong);
        Set<String> extra = ConfigSchema.keys().stream().map(ConfigKey::name)
                .filter(name -> !reference.containsKey(name)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("embedding.cache_dir"), extra, "keys only this build has");
    }

    /** Numbers compare by value (the reference writes 30.0 where a table default may read 30). */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"init-minimal.json", "init-english.json", "every-key.json"})
    void aConfigWrittenByThePythonMemtomemLoadsWithoutErrorsOrWarnings(String fixture) throws IOException {
        installFixture(fixture);
        MemtomemConfig config = MemtomemConfig.load(environment());
        assertEquals(List.of(), config.warnings());
        assertEquals(home.resolve(".memtomem/memtomem.db"), config.storage().sqlitePath());
        assertTrue(config.acceptedWithoutEffect().contains("indexing.auto_discover"),
                config.acceptedWithoutEffect().toString());
    }

    @Test
    void honouredKeysOfAPythonConfigTakeEffectAndTheOthersAreListedAsWithoutEffect() throws IOException {
        installFixture("init-english.json");
        MemtomemConfig config = MemtomemConfig.load(environment());
        assertEquals("onnx", config.embedding().provider());
        assertEquals("bge-small-en-v1.5", config.embedding().model());
        assertEquals(384, config.embedding().dimension());
        assertEquals(List.of("indexing.auto_discover", "decay.enabled", "decay.half_life_days", "mmr.enabled",
                "rerank.enabled", "rerank.provider", "rerank.model"), config.acceptedWithoutEffect());
    }

    @Test
    void theReferenceStrictnessOnTypesAndValuesStays() throws IOException {
        Path file = installFixture("init-minimal.json");
        Files.writeString(file, "{\"decay\": {\"enabled\": \"sometimes\"}}");
        assertEquals("decay.enabled", assertThrows(ConfigException.class,
                () -> MemtomemConfig.load(environment())).key());
        Files.writeString(file, "{\"webhook\": {\"events\": \"add\"}}");
        assertEquals("webhook.events", assertThrows(ConfigException.class,
                () -> MemtomemConfig.load(environment())).key());
    }

    @Test
    void savingAPythonWrittenFileKeepsItsLayoutAndItsOtherEntries() throws IOException {
        Path file = installFixture("init-minimal.json");
        ConfigFile.set(MemtomemConfig.load(environment()), "search.default_top_k", "20");
        ConfigFile.set(MemtomemConfig.load(environment()), "namespace.default_namespace", "메모");
        ConfigFile.set(MemtomemConfig.load(environment()), "search.rrf_weights", "[1.0, 0.5]");
        ConfigFile.set(MemtomemConfig.load(environment()), "decay.half_life_days", "0.00001");
        assertEquals(fixture("init-minimal-after-set.json"), Files.readString(file));
    }

    @Test
    void unsetRemovesAKeyNeitherToolKnowsSoItsWarningGoesAway() throws IOException {
        Path file = installFixture("init-minimal.json");
        Files.writeString(file, "{\"search\": {\"top_kk\": 3, \"rrf_k\": 30}}");
        MemtomemConfig config = MemtomemConfig.load(environment());
        assertFalse(config.warnings().isEmpty());
        ConfigFile.unset(config, "search.top_kk");
        MemtomemConfig after = MemtomemConfig.load(environment());
        assertEquals(List.of(), after.warnings());
        assertEquals(30, after.search().rrfK());
        assertThrows(ConfigException.class, () -> ConfigFile.unset(after, "search.top_kk"));
    }

    /** The README's list of keys an MCP client may not change is the key table's, not a copy that drifts. */
    @Test
    void theReadmeListsExactlyTheKeysThatAreReadOnlyOverMcp() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String list = readme.substring(readme.indexOf("<!-- mcp-read-only-keys -->"),
                readme.indexOf("<!-- /mcp-read-only-keys -->"));
        Set<String> documented = java.util.regex.Pattern.compile("`([a-z_]+\\.[a-z_]+)`").matcher(list).results()
                .map(match -> match.group(1)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> readOnly = ConfigSchema.keys().stream().filter(key -> !key.mcpWritable()).map(ConfigKey::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(readOnly, documented);
    }
}
