package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagToolsTest extends ToolsOnTempStore {

    private Path indexNotes() {
        Path notes = tools.memoryDir().resolve("notes");
        tools.writeNote(notes, "kafka.md", "## Kafka\nKafka consumer rebalance kafka partitions.\n");
        tools.writeNote(notes, "postgres.md", "## Postgres\nPostgres vacuum postgres autovacuum bloat.\n");
        tools.ok("mem_index", Map.of("path", notes.toString()));
        return notes;
    }

    @Test
    void aDryRunListsEachChunksKeywordsAndWritesNothing() {
        indexNotes();
        String text = tools.okAction("auto_tag", Map.of());
        assertTrue(text.startsWith("Auto-tag dry run: 2 of 2 chunks would get 6 tags (run with dry_run=false to "
                + "write them):\n- "), text);
        assertTrue(text.contains("kafka.md:1 ["), text);
        assertTrue(text.contains("] + kafka, consumer, rebalance"), text);
        assertEquals("No tags.", tools.okAction("tag_list", Map.of()));
    }

    @Test
    void writtenTagsAreSeenByTagListAndTagFilters() {
        indexNotes();
        String text = tools.okAction("auto_tag", Map.of("dry_run", false, "max_tags", 1));
        assertTrue(text.startsWith("Auto-tagged: 2 of 2 chunks got 2 tags (stored in the index; the files are "
                + "unchanged):"), text);
        assertTrue(tools.okAction("tag_list", Map.of()).contains("\n- kafka: 1 chunks"));
        JsonNode hits = ToolHarness.json(tools.ok("mem_search", Map.of("query", "partitions vacuum",
                "tag_filter", "postgres", "output_format", "json"))).get("results");
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).get("source").asText().endsWith("postgres.md"), hits::toString);
        assertTrue(tools.okAction("auto_tag", Map.of("dry_run", false, "max_tags", 1)).startsWith("No new keyword "
                + "tags for the 2 chunks"), "a second run has nothing to add");
    }

    @Test
    void filtersAndStructuredOutput() {
        indexNotes();
        JsonNode result = ToolHarness.json(tools.okAction("auto_tag", Map.of("source_filter", "postgres.md",
                "namespace", "default", "output_format", "json")));
        assertTrue(result.get("dry_run").asBoolean());
        assertEquals(1, result.get("chunks_scanned").asInt());
        assertEquals(3, result.get("tags_added").asInt());
        JsonNode chunk = result.get("chunks").get(0);
        assertEquals("postgres", chunk.get("tags").get(0).asText());
        assertEquals(1, chunk.get("start_line").asInt());
        assertEquals("No chunks match the filter.", tools.okAction("auto_tag", Map.of("source_filter", "nope")));
    }

    @Test
    void anEmptyIndexHasNothingToTag() {
        assertEquals("No chunks to tag: the index is empty.", tools.okAction("auto_tag", Map.of()));
    }

    @Test
    void theTagAutoAliasRunsAutoTag() {
        indexNotes();
        assertEquals(tools.okAction("auto_tag", Map.of()), tools.okAction("tag_auto", Map.of()));
        assertEquals(tools.okAction("auto_tag", Map.of()), tools.ok("mem_auto_tag", Map.of()));
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertTrue(tools.errorAction("auto_tag", Map.of("max_tags", 0))
                .startsWith("Error: invalid parameter for action 'auto_tag': max_tags"), "max_tags below 1");
        assertTrue(tools.errorAction("auto_tag", Map.of("max_tags", 11)).contains("max_tags"));
        assertTrue(tools.errorAction("auto_tag", Map.of("dry_run", "no")).contains("dry_run"));
        assertTrue(tools.errorAction("tag_auto", Map.of("limit", 3)).contains("unknown parameter 'limit'"));
    }

    @Test
    void indexWithAutoTagTagsOnlyTheChunksItWrote() {
        Path notes = indexNotes();
        String first = tools.ok("mem_index", Map.of("path", notes.toString(), "force", true, "auto_tag", true));
        assertTrue(first.endsWith("\n- Auto-tagged: 2 chunks"), first);
        tools.writeNote(notes, "trip.md", "## Lisbon\nLisbon tram pastel lisbon.\n");
        String second = tools.ok("mem_index", Map.of("path", notes.toString(), "auto_tag", true, "max_tags", 2));
        assertTrue(second.contains("- Indexed: 1\n- Skipped (unchanged): 2"), second);
        assertTrue(second.endsWith("\n- Auto-tagged: 1 chunks"), second);
        assertTrue(tools.okAction("tag_list", Map.of()).contains("\n- lisbon: 1 chunks"));
        assertTrue(tools.error("mem_index", Map.of("auto_tag", true, "max_tags", 20)).contains("max_tags"));
        assertTrue(!tools.ok("mem_index", Map.of("path", notes.toString())).contains("Auto-tagged"));
    }
}
