package io.memtomem.server.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigActionTest extends ToolsOnTempStore {

    @Test
    void listsAndGetsSettings() {
        String all = tools.okAction("config", Map.of());
        assertTrue(all.contains("\nsearch.default_top_k = 10"), all);
        assertEquals("search.default_top_k = 10", tools.okAction("config", Map.of("key", "search.default_top_k")));
    }

    @Test
    void setSavesToConfigJson() throws IOException {
        String text = tools.okAction("config", Map.of("key", "search.default_top_k", "value", "7"));
        assertTrue(text.startsWith("Saved search.default_top_k = 7 to "), text);
        assertTrue(Files.readString(tools.config.configFile()).contains("7"));
        assertEquals("search.default_top_k = 7", tools.okAction("config", Map.of("key", "search.default_top_k")));
    }

    @Test
    void rejectsUnknownKeysAndBadValues() {
        assertTrue(tools.errorAction("config", Map.of("key", "search.nope")).contains("search.nope"));
        assertTrue(tools.errorAction("config", Map.of("key", "search.default_top_k", "value", "many"))
                .startsWith("Error: "));
        assertTrue(tools.errorAction("config", Map.of("value", "3")).contains("key is required"));
    }
}
