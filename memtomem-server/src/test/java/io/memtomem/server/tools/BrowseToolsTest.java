package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowseToolsTest extends ToolsOnTempStore {

    @Test
    void listShowsEachFileWithCountsAndTotal() {
        assertEquals("No indexed files.", tools.ok("mem_list", Map.of()));
        tools.ok("mem_add", Map.of("content", "Listed note."));
        String text = tools.ok("mem_list", Map.of());
        assertTrue(text.startsWith("Indexed files: 1\n\n  " + tools.memoryDir()), text);
        assertTrue(text.contains("  — 1 chunks, ~"), text);
        assertTrue(text.contains(" tok/chunk [default]"), text);
        assertTrue(text.endsWith("\n\nTotal: 1 files, 1 chunks"), text);
        assertEquals("No files match the filter.", tools.ok("mem_list", Map.of("source_filter", "nope")));
        JsonNode json = ToolHarness.json(tools.ok("mem_list", Map.of("format", "json")));
        assertEquals(1, json.get("sources").get(0).get("chunks").asInt());
    }

    @Test
    void reversedGlobRangeIsABadArgumentForListAndSearch() {
        tools.ok("mem_add", Map.of("content", "Globbed note."));
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(Map.of("source_filter", "*/[z-a].md"),
                Map.of("query", "note", "source_filter", "*/[z-a].md"))) {
            String error = tools.error(arguments.containsKey("query") ? "mem_search" : "mem_list", arguments);
            assertTrue(error.startsWith("Error: source_filter '*/[z-a].md' has the reversed range z-a"), error);
            assertFalse(error.contains("internal error") || error.contains("Exception"), error);
        }
    }

    @Test
    void readShowsTheWholeChunk() {
        String id = tools.addMemory("Reading", "Read me in full.", List.of("r"));
        String text = tools.ok("mem_read", Map.of("chunk_id", id));
        assertTrue(text.startsWith("## Chunk " + id + "\n- Source: " + tools.memoryDir()), text);
        assertTrue(text.contains("\n- Lines: "), text);
        assertTrue(text.contains("\n- Heading: ## Reading\n- Tags: r\n- Namespace: default\n---\n"), text);
        assertTrue(text.endsWith("Read me in full."), text);
        assertEquals(id, ToolHarness.json(tools.ok("mem_read", Map.of("chunk_id", id, "format", "json")))
                .get("chunk_id").asText());
    }

    @Test
    void readReportsUnknownAndMalformedIds() {
        String missing = "0b7e2c1e-0000-4000-8000-000000000000";
        assertEquals("Error: Chunk " + missing + " not found.", tools.error("mem_read", Map.of("chunk_id", missing)),
                "a missing chunk is an error, as for mem_do delete and resources/read");
        assertTrue(tools.error("mem_read", Map.of("chunk_id", "nope")).startsWith("Error: "));
        assertTrue(tools.error("mem_read", Map.of()).contains("chunk_id is required"));
    }

    @Test
    void tagAndNamespaceListsCountChunks() {
        assertEquals("No tags.", tools.okAction("tag_list", Map.of()));
        tools.ok("mem_add", Map.of("content", "Tagged.", "tags", List.of("x", "y")));
        tools.ok("mem_add", Map.of("content", "Other space.", "namespace", "work"));
        String tags = tools.okAction("tag_list", Map.of());
        assertTrue(tags.startsWith("Tags (2):") && tags.contains("\n- x: 1 chunks"), tags);
        String namespaces = tools.okAction("ns_list", Map.of());
        assertTrue(namespaces.contains("- default: 1 chunks") && namespaces.contains("- work: 1 chunks"), namespaces);
        assertEquals(2, ToolHarness.json(tools.okAction("ns_list", Map.of("format", "json"))).size());
        assertTrue(tools.errorAction("tag_list", Map.of("limit", 3)).contains("unknown parameter 'limit'"));
    }
}
