package io.memtomem.server.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigActionTest extends ToolsOnTempStore {

    @Test
    void listsAndGetsSettings() {
        String all = tools.okAction("config", Map.of());
        assertTrue(all.contains("\nsearch.default_top_k = 10"), all);
        assertEquals("search.default_top_k = 10\n  Results when a search names no top_k.",
                tools.okAction("config", Map.of("key", "search.default_top_k")));
        assertEquals("decay.enabled = false  (no effect here)\n  Setting of the Python memtomem; accepted, no effect"
                + " in memtomem-java.", tools.okAction("config", Map.of("key", "decay.enabled")));
    }

    @Test
    void setSavesToConfigJson() throws IOException {
        String text = tools.okAction("config", Map.of("key", "search.default_top_k", "value", "7"));
        assertTrue(text.startsWith("Saved search.default_top_k = 7 to "), text);
        assertTrue(Files.readString(tools.config.configFile()).contains("7"));
        assertTrue(tools.okAction("config", Map.of("key", "search.default_top_k"))
                .startsWith("search.default_top_k = 7\n"));
    }

    @Test
    void rejectsUnknownKeysAndBadValues() {
        assertTrue(tools.errorAction("config", Map.of("key", "search.nope")).contains("search.nope"));
        assertTrue(tools.errorAction("config", Map.of("key", "search.default_top_k", "value", "many"))
                .startsWith("Error: "));
        assertTrue(tools.errorAction("config", Map.of("value", "3")).contains("key is required"));
    }

    @Test
    void keysThatMoveTheBoundaryOrSendDataElsewhereAreReadOnlyOverMcpAndTheRefusalGivesTheMmCommand()
            throws IOException {
        String dirs = tools.errorAction("config", Map.of("key", "indexing.memory_dirs", "value", "[\"/\"]"));
        assertTrue(dirs.contains("read-only over MCP") && dirs.contains("mm config set indexing.memory_dirs '[\"/\"]'"),
                dirs);
        for (String key : List.of("indexing.project_memory_dirs", "storage.sqlite_path", "embedding.provider",
                "embedding.base_url", "embedding.model", "embedding.api_key", "webhook.url", "llm.base_url")) {
            String refusal = tools.errorAction("config", Map.of("key", key, "value", "[\"/tmp\"]"));
            assertTrue(refusal.contains("read-only over MCP") && refusal.contains("mm config set " + key), refusal);
        }
        String key = tools.errorAction("config", Map.of("key", "embedding.api_key", "value", "sk-x"));
        assertFalse(key.contains("sk-x"), "a secret is not echoed: " + key);
        assertFalse(Files.exists(tools.config.configFile()) && Files.readString(tools.config.configFile())
                .contains("/tmp"), "nothing was written");
        String all = tools.okAction("config", Map.of());
        assertTrue(all.contains("\nindexing.memory_dirs = ") && all.contains("(read-only over MCP)"), all);
    }

    @Test
    void aKeyWithoutEffectHereIsStillWritableOverMcpWhenItSendsNothingAnywhere() {
        assertTrue(tools.okAction("config", Map.of("key", "decay.enabled", "value", "true"))
                .startsWith("Saved decay.enabled = true"));
    }
}
