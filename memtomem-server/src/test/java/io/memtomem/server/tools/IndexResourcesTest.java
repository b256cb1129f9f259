package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.InvalidInputException;
import io.memtomem.core.NotFoundException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexResourcesTest extends ToolsOnTempStore {

    @Test
    void offersFourFixedResourcesAndTheChunkTemplate() {
        assertEquals(List.of("memtomem://sources", "memtomem://namespaces", "memtomem://tags", "memtomem://stats",
                "memtomem://chunks/{chunk_id}"), tools.resources().stream().map(MemoryResource::uri).toList());
        assertEquals(List.of(false, false, false, false, true),
                tools.resources().stream().map(MemoryResource::template).toList());
        assertFalse(Files.exists(home.resolve(".memtomem")), "describing the resources must not open the store");
    }

    @Test
    void sourcesListEachFileWithCountsNamespacesAndLastUpdate() {
        assertEquals("[]", tools.readResource("memtomem://sources"));
        Instant before = Instant.now().minusSeconds(1);
        Path note = tools.writeNote(tools.memoryDir(), "two.md", "## One\nFirst section.\n\n## Two\nSecond section.\n");
        tools.ok("mem_index", Map.of("path", note.toString()));
        JsonNode sources = ToolHarness.json(tools.readResource("memtomem://sources"));
        assertEquals(1, sources.size());
        JsonNode source = sources.get(0);
        assertEquals(List.of("path", "chunks", "updated", "namespaces", "avg_tokens"), fieldNames(source));
        assertEquals(note.toString(), source.get("path").asText());
        assertEquals(2, source.get("chunks").asInt());
        assertEquals("[\"default\"]", source.get("namespaces").toString());
        Instant updated = OffsetDateTime.parse(source.get("updated").asText()).toInstant();
        assertFalse(updated.isBefore(before) || updated.isAfter(Instant.now()), source::toString);
        assertTrue(source.get("avg_tokens").asInt() > 0, source::toString);
    }

    @Test
    void namespacesTagsAndStatsCountChunks() {
        tools.ok("mem_add", Map.of("content", "Tagged twice.", "tags", List.of("x", "y")));
        tools.ok("mem_add", Map.of("content", "Tagged once.", "tags", List.of("x"), "namespace", "work",
                "file", "work.md"));
        assertEquals("[{\"namespace\":\"default\",\"chunks\":1},{\"namespace\":\"work\",\"chunks\":1}]",
                tools.readResource("memtomem://namespaces"));
        assertEquals("[{\"tag\":\"x\",\"chunks\":2},{\"tag\":\"y\",\"chunks\":1}]",
                tools.readResource("memtomem://tags"));
        assertEquals("{\"total_chunks\":2,\"total_sources\":2}", tools.readResource("memtomem://stats"));
    }

    @Test
    void chunkTemplateReturnsTheChunkWithItsPlaceInTheFile() {
        String id = tools.addMemory("Resource", "Read me as a resource.", List.of("res"));
        JsonNode chunk = ToolHarness.json(tools.readResource("memtomem://chunks/" + id));
        assertEquals(List.of("id", "content", "source_file", "heading_hierarchy", "tags", "namespace", "start_line",
                "end_line", "created_at"), fieldNames(chunk));
        assertEquals(id, chunk.get("id").asText());
        assertTrue(chunk.get("content").asText().contains("Read me as a resource."), chunk::toString);
        assertTrue(chunk.get("source_file").asText().startsWith(tools.memoryDir().toString()), chunk::toString);
        assertEquals("[\"## Resource\"]", chunk.get("heading_hierarchy").toString());
        assertEquals("[\"res\"]", chunk.get("tags").toString());
        assertEquals("default", chunk.get("namespace").asText());
        assertTrue(chunk.get("start_line").asInt() <= chunk.get("end_line").asInt(), chunk::toString);
        assertFalse(chunk.get("created_at").asText().isEmpty(), chunk::toString);
    }

    @Test
    void unknownChunkIsNotFoundAndAMalformedIdIsABadArgument() {
        String missing = "0b7e2c1e-0000-4000-8000-000000000000";
        NotFoundException notFound = assertThrows(NotFoundException.class,
                () -> tools.readResource("memtomem://chunks/" + missing));
        assertEquals("Chunk " + missing + " not found.", notFound.getMessage());
        InvalidInputException malformed = assertThrows(InvalidInputException.class,
                () -> tools.readResource("memtomem://chunks/not-a-uuid"));
        assertEquals("invalid chunk ID format: not-a-uuid", malformed.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
