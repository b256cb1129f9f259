package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchToolsTest extends ToolsOnTempStore {

    @Test
    void compactResultsShowRankScoreFileHeadingAndContent() {
        tools.ok("mem_add", Map.of("title", "Redis", "content", "Redis eviction uses allkeys-lru here."));
        String text = tools.ok("mem_search", Map.of("query", "eviction"));
        assertTrue(text.startsWith("Found 1 results:\n\n[1] "), text);
        assertTrue(text.matches("(?s).*\\[1] \\d+\\.\\d\\d \\| \\d{4}-\\d\\d-\\d\\d\\.md > ## Redis\n.*"), text);
        assertTrue(text.contains("Redis eviction uses allkeys-lru here."), text);
    }

    @Test
    void namespaceBadgeOnlyForNonDefaultNamespaces() {
        tools.ok("mem_add", Map.of("content", "Kafka partitions are ordered.", "namespace", "work"));
        String text = tools.ok("mem_search", Map.of("query", "Kafka partitions"));
        assertTrue(text.contains("| [work] "), text);
    }

    @Test
    void structuredOutputCarriesTheReferenceKeys() {
        tools.ok("mem_add", Map.of("title", "Redis", "content", "Redis eviction uses allkeys-lru here."));
        for (String format : List.of("json", "structured")) {
            JsonNode json = ToolHarness.json(tools.ok("mem_search", Map.of("query", "eviction", "format", format)));
            JsonNode hit = json.get("results").get(0);
            for (String key : List.of("rank", "score", "source", "hierarchy", "namespace", "chunk_id", "content",
                    "content_hash", "start_line", "end_line")) {
                assertTrue(hit.has(key), () -> "missing " + key + " in " + json);
            }
            assertEquals("## Redis", hit.get("hierarchy").asText());
            assertTrue(json.has("score_scale"), json::toString);
        }
    }

    @Test
    void verboseOutputEndsWithThePipelineLine() {
        tools.ok("mem_add", Map.of("content", "Postgres vacuum runs nightly."));
        String text = tools.ok("mem_search", Map.of("query", "vacuum", "output_format", "verbose"));
        assertTrue(text.contains("**[1]** score="), text);
        assertTrue(text.contains("| id="), text);
        assertTrue(text.contains("pipeline: BM25:"), text);
        assertEquals(text, tools.ok("mem_search", Map.of("query", "vacuum", "verbose", true)));
    }

    /** An embedding service that is down (nothing listens on port 1) leaves every chunk without a vector. */
    @Test
    void searchWarnsAboutChunksWithoutVectorsInEveryFormat() {
        tools.close();
        tools = new ToolHarness(home, Map.of("MEMTOMEM_EMBEDDING__PROVIDER", "ollama",
                "MEMTOMEM_EMBEDDING__MODEL", "bow", "MEMTOMEM_EMBEDDING__DIMENSION", "8",
                "MEMTOMEM_EMBEDDING__BASE_URL", "http://127.0.0.1:1"));
        tools.ok("mem_add", Map.of("title", "Redis", "content", "Redis eviction uses allkeys-lru here."));

        String warning = "Warning: 1 chunk(s) have no vector yet, so only keyword search finds them; this server "
                + "embeds them in the background";
        assertTrue(tools.ok("mem_search", Map.of("query", "eviction")).contains(warning));
        assertTrue(tools.ok("mem_search", Map.of("query", "eviction", "output_format", "verbose")).contains(warning));
        assertTrue(tools.ok("mem_search", Map.of("query", "no such words")).contains(warning));
        JsonNode json = ToolHarness.json(tools.ok("mem_search", Map.of("query", "eviction", "format", "json")));
        assertEquals(1, json.get("warnings").size(), json::toString);
        assertTrue(json.get("warnings").get(0).asText().startsWith("1 chunk(s) have no vector yet"), json::toString);
    }

    @Test
    void aStoreWithoutVectorsToWaitForHasNoWarning() {
        tools.ok("mem_add", Map.of("title", "Redis", "content", "Redis eviction uses allkeys-lru here."));
        assertFalse(tools.ok("mem_search", Map.of("query", "eviction")).contains("Warning"));
        JsonNode json = ToolHarness.json(tools.ok("mem_search", Map.of("query", "eviction", "format", "json")));
        assertFalse(json.has("warnings"), json::toString);
    }

    @Test
    void noResultsIsPlainText() {
        assertEquals("No results found.", tools.ok("mem_search", Map.of("query", "nothing indexed yet")));
    }

    @Test
    void contextWindowShowsNeighbouringChunks() {
        tools.writeNote(tools.memoryDir(), "notes.md", """
                # Notes

                ## First
                The alpha section talks about apples.

                ## Second
                The beta section talks about bananas.

                ## Third
                The gamma section talks about cherries.
                """);
        tools.ok("mem_index", Map.of("path", tools.memoryDir().toString()));
        String text = tools.ok("mem_search", Map.of("query", "bananas", "top_k", 1, "context_window", 1));
        assertTrue(text.contains("bananas"), text);
        assertTrue(text.contains("apples") || text.contains("cherries"), text);
    }

    @Test
    void contextWindowMarksEachResultWithItsPositionAmongTheFilesChunks() {
        String filler = " Filler words that keep this section long enough to stay a chunk of its own.".repeat(8);
        tools.writeNote(tools.memoryDir(), "fruit.md", "## Apples\nApples are crisp." + filler
                + "\n\n## Bananas\nBananas are soft." + filler + "\n\n## Cherries\nCherries are small." + filler
                + "\n\n## Dates\nDates are sweet." + filler + "\n");
        tools.ok("mem_index", Map.of("path", tools.memoryDir().toString()));

        String third = tools.ok("mem_search", Map.of("query", "cherries", "top_k", 1, "context_window", 1));
        assertTrue(third.matches("(?s)Found 1 results:\n\n\\[1] \\d+\\.\\d\\d \\| fruit\\.md > ## Cherries \\[3/4]\n"
                + "  \\^ .*\nCherries are small\\..*\n  v Dates are sweet\\..*"), third);
        String first = tools.ok("mem_search", Map.of("query", "apples", "top_k", 1, "context_window", 2));
        assertTrue(first.contains("> ## Apples [1/4]\nApples are crisp."), first);
        assertEquals(2, first.split("\n  v ").length - 1, first);
        String last = tools.ok("mem_search", Map.of("query", "dates", "top_k", 1, "context_window", 1));
        assertTrue(last.contains("> ## Dates [4/4]\n  ^ "), last);
        assertFalse(last.contains("\n  v "), last);
        assertFalse(tools.ok("mem_search", Map.of("query", "cherries", "top_k", 1)).contains("[3/4]"));

        String id = ToolHarness.json(tools.ok("mem_search", Map.of("query", "cherries", "format", "json")))
                .get("results").get(0).get("chunk_id").asText();
        String expanded = tools.okAction("expand", Map.of("chunk_id", id, "window", 1));
        assertTrue(expanded.contains("\n[2/4] lines ") && expanded.contains("\n[4/4] lines "), expanded);
        assertTrue(expanded.contains("## Cherries | id=" + id + "  <- requested"), expanded);
        assertTrue(expanded.contains("\n[3/4] lines "), expanded);
        JsonNode json = ToolHarness.json(tools.okAction("expand", Map.of("chunk_id", id, "window", 1,
                "format", "json")));
        assertEquals(4, json.get("file_chunks").asInt());
        assertEquals("[2,3,4]", json.get("chunks").findValuesAsText("position").toString().replace(" ", ""));
        assertEquals("[false,true,false]", json.get("chunks").findValuesAsText("focus").toString().replace(" ", ""));
    }

    @Test
    void rerankFalseChangesNothingAndTrueAddsTheDisabledHint() {
        tools.ok("mem_add", Map.of("content", "Postgres vacuum runs nightly."));
        String hint = "(rerank=true requested but reranking is disabled";
        for (String format : List.of("compact", "verbose")) {
            String plain = tools.ok("mem_search", Map.of("query", "vacuum", "output_format", format));
            assertFalse(plain.contains(hint), plain);
            assertEquals(plain, tools.ok("mem_search", Map.of("query", "vacuum", "output_format", format,
                    "rerank", false)));
            String asked = tools.ok("mem_search", Map.of("query", "vacuum", "output_format", format, "rerank", true));
            assertTrue(asked.startsWith(plain + "\n\n" + hint), asked);
        }
        assertFalse(ToolHarness.json(tools.ok("mem_search", Map.of("query", "vacuum", "format", "json",
                "rerank", false))).has("hints"));
        JsonNode hints = ToolHarness.json(tools.ok("mem_search", Map.of("query", "vacuum", "format", "json",
                "rerank", true))).get("hints");
        assertEquals(1, hints.size(), hints::toString);
        assertTrue(hints.get(0).asText().startsWith(hint.substring(1)), hints::toString);
        assertTrue(tools.ok("mem_search", Map.of("query", "nothing like it", "rerank", true))
                .startsWith("No results found.\n\n" + hint));
    }

    @Test
    void badArgumentsNameTheParameter() {
        assertTrue(tools.error("mem_search", Map.of()).contains("query is required"));
        assertTrue(tools.error("mem_search", Map.of("query", "  ")).contains("query must not be empty"));
        assertEquals("Error: top_k must be an integer from 1 to 100 (got 0).",
                tools.error("mem_search", Map.of("query", "x", "top_k", 0)));
        assertTrue(tools.error("mem_search", Map.of("query", "x", "top_k", "ten")).contains("top_k must be"));
        assertTrue(tools.error("mem_search", Map.of("query", "x", "context_window", 11)).contains("context_window"));
        assertTrue(tools.error("mem_search", Map.of("query", "x", "output_format", "fancy"))
                .contains("output_format must be one of compact, verbose, structured, json"));
        assertTrue(tools.error("mem_search", Map.of("query", "x", "bm25_weight", -1)).contains("bm25_weight"));
        assertTrue(tools.error("mem_search", Map.of("query", "x", "topk", 3))
                .contains("unknown parameter 'topk'"));
        assertTrue(tools.error("mem_search", Map.of("query", "x".repeat(10_001))).contains("query is too long"));
    }

    @Test
    void expandShowsTheChunkBetweenItsNeighbours() {
        tools.writeNote(tools.memoryDir(), "notes.md", """
                ## One
                First part about oranges.

                ## Two
                Second part about pears.

                ## Three
                Third part about plums.
                """);
        tools.ok("mem_index", Map.of("path", tools.memoryDir().toString()));
        String id = ToolHarness.json(tools.ok("mem_search", Map.of("query", "pears", "format", "json")))
                .get("results").get(0).get("chunk_id").asText();
        String text = tools.okAction("expand", Map.of("chunk_id", id, "window", 1));
        assertTrue(text.contains("pears") && text.contains("<- requested"), text);
        JsonNode json = ToolHarness.json(tools.okAction("expand", Map.of("chunk_id", id, "format", "json")));
        assertEquals("expand", json.get("kind").asText());
        assertTrue(json.get("chunks").size() >= 2, json::toString);
    }

    @Test
    void expandRejectsBadInput() {
        assertTrue(tools.errorAction("expand", Map.of()).contains("invalid parameter for action 'expand'"));
        assertTrue(tools.errorAction("expand", Map.of("chunk_id", "x", "window", 11)).contains("window"));
        assertTrue(tools.errorAction("expand", Map.of("chunk_id", "not-a-uuid")).startsWith("Error: "));
    }
}
