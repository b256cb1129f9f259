package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.Version;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusToolsTest extends ToolsOnTempStore {

    @Test
    void statusRendersTheSharedReport() {
        tools.ok("mem_add", Map.of("content", "Status note."));
        String text = tools.ok("mem_status", Map.of());
        assertTrue(text.contains(tools.config.dbPath().toString()), text);
        JsonNode json = ToolHarness.json(tools.ok("mem_status", Map.of("format", "json")));
        assertTrue(json.has("server") && json.has("index"), json::toString);
    }

    @Test
    void statsCountChunksAndSources() {
        tools.ok("mem_add", Map.of("content", "Stats note one."));
        tools.ok("mem_add", Map.of("content", "Stats note two."));
        assertEquals("Memory index statistics:\n- Total chunks: 2\n- Total sources: 1\n- Storage backend: sqlite",
                tools.ok("mem_stats", Map.of()));
        assertEquals(2, ToolHarness.json(tools.ok("mem_stats", Map.of("format", "json"))).get("total_chunks").asInt());
        assertEquals(tools.ok("mem_stats", Map.of()), tools.okAction("stats", Map.of()));
    }

    @Test
    void versionNamesTheProjectVersionAndMode() {
        String text = tools.okAction("version", Map.of());
        assertTrue(text.startsWith("memtomem " + Version.current() + "\n"), text);
        assertTrue(text.contains("- Tool mode: full"), text);
        assertTrue(text.contains("- Embedding: none (BM25 only)"), text);
    }

    @Test
    void embeddingResetShowsTheStateAndAppliesTheConfiguredModel() {
        String status = tools.okAction("embedding_reset", Map.of());
        assertTrue(status.startsWith("Embedding state:\n- Stored: "), status);
        assertTrue(status.contains("- Mismatch: no"), status);
        assertTrue(tools.okAction("embedding_reset", Map.of("mode", "apply_current"))
                .startsWith("Embedding reset applied.\nEmbedding state:"));
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(tools.error("mem_status", Map.of("verbose", true)).contains("unknown parameter 'verbose'"));
        assertTrue(tools.error("mem_stats", Map.of("format", "xml")).contains("format must be one of"));
        assertTrue(tools.errorAction("version", Map.of("x", 1)).contains("it takes no parameters"));
        assertTrue(tools.errorAction("embedding_reset", Map.of("mode", "revert")).contains("mode must be one of "
                + "status, apply_current"));
    }
}
