package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecallToolTest extends ToolsOnTempStore {

    @Test
    void listsRecentMemoriesNewestFirst() {
        tools.ok("mem_add", Map.of("title", "Older", "content", "First thing noted.", "tags", List.of("a", "b")));
        tools.ok("mem_add", Map.of("title", "Newer", "content", "Second thing noted."));
        String text = tools.ok("mem_recall", Map.of());
        assertTrue(text.startsWith("Found 2 memories (start → now):\n\n**[1]** "), text);
        assertTrue(text.indexOf("Second thing") < text.indexOf("First thing"), text);
        assertTrue(text.contains("  tags: a, b\n```\nFirst thing noted."), text);
    }

    @Test
    void structuredOutputIsARecallObject() {
        tools.ok("mem_add", Map.of("content", "Structured recall note."));
        JsonNode json = ToolHarness.json(tools.ok("mem_recall", Map.of("output_format", "structured")));
        assertEquals("recall", json.get("kind").asText());
        JsonNode first = json.get("results").get(0);
        for (String key : List.of("chunk_id", "namespace", "source", "hierarchy", "content", "created_at", "tags")) {
            assertTrue(first.has(key), () -> "missing " + key + ": " + json);
        }
    }

    @Test
    void emptyPeriodSaysSo() {
        tools.ok("mem_add", Map.of("content", "Today's note."));
        assertTrue(tools.ok("mem_recall", Map.of("until", "2001")).startsWith("No memories found"));
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(tools.error("mem_recall", Map.of("limit", 0)).contains("limit must be an integer from 1 to 500"));
        assertTrue(tools.error("mem_recall", Map.of("limit", 501)).contains("limit"));
        assertTrue(tools.error("mem_recall", Map.of("output_format", "verbose")).contains("output_format"));
        assertTrue(tools.error("mem_recall", Map.of("since", "2026-05", "until", "2026-01")).startsWith("Error: "));
        assertTrue(tools.error("mem_recall", Map.of("since", "last tuesday")).startsWith("Error: "));
    }
}
