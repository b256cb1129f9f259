package io.memtomem.server.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryWriteToolsTest extends ToolsOnTempStore {
    @TempDir
    Path elsewhere;

    @Test
    void addWritesTheEntryAndReportsFileNamespaceAndChunks() throws IOException {
        String text = tools.ok("mem_add", Map.of("title", "Deploy", "content", "Deploys go out on Tuesdays.",
                "tags", List.of("ops")));
        String[] lines = text.split("\n");
        assertEquals(4, lines.length, text);
        assertTrue(lines[0].startsWith("Memory added to " + tools.memoryDir()), text);
        assertEquals("- Namespace: default", lines[1]);
        assertEquals("- Chunks indexed: 1", lines[2]);
        Path file = Path.of(lines[3].substring("- File: ".length()));
        String markdown = Files.readString(file);
        assertTrue(markdown.contains("## Deploy\n\n> created: "), markdown);
        assertTrue(markdown.contains("> tags: [\"ops\"]\n\nDeploys go out on Tuesdays.\n"), markdown);
    }

    @Test
    void addRefusesAPathOutsideTheMemoryDirs() {
        String text = tools.error("mem_add", Map.of("content", "x", "file", elsewhere.resolve("a.md").toString()));
        assertTrue(text.contains("outside"), text);
        assertFalse(Files.exists(elsewhere.resolve("a.md")));
    }

    @Test
    void addRejectsBadArguments() {
        assertTrue(tools.error("mem_add", Map.of()).contains("content is required"));
        assertTrue(tools.error("mem_add", Map.of("content", "x", "tags", "ops")).contains("tags must be a list"));
        assertTrue(tools.error("mem_add", Map.of("content", "x".repeat(100_001))).contains("content is too long"));
        assertTrue(tools.error("mem_add", Map.of("content", "x", "templates", "adr"))
                .contains("unknown parameter 'templates'"));
    }

    @Test
    void editReplacesTheBodyAndKeepsTheHeading() throws IOException {
        String id = tools.addMemory("Cache", "The cache TTL is 30 seconds.", List.of());
        String text = tools.okAction("edit", Map.of("chunk_id", id, "content", "The cache TTL is 60 seconds."));
        assertTrue(text.startsWith("Memory edited in "), text);
        assertTrue(text.contains("- Old chunk: " + id), text);
        Path file = Path.of(text.substring("Memory edited in ".length(), text.indexOf('\n')));
        String markdown = Files.readString(file);
        assertTrue(markdown.contains("## Cache") && markdown.contains("60 seconds") && !markdown.contains("30 seconds"),
                markdown);
    }

    @Test
    void editTakesThePythonMemtomemsNewContentName() throws IOException {
        String id = tools.addMemory("Cache", "The cache TTL is 30 seconds.", List.of());
        String text = tools.okAction("edit", Map.of("chunk_id", id, "new_content", "The cache TTL is 90 seconds."));
        Path file = Path.of(text.substring("Memory edited in ".length(), text.indexOf('\n')));
        assertTrue(Files.readString(file).contains("90 seconds"), text);
        assertTrue(tools.errorAction("edit", Map.of("chunk_id", id, "content", "a", "new_content", "b"))
                .contains("give either content or new_content, not both"));
    }

    @Test
    void editRejectsBadInput() {
        assertTrue(tools.errorAction("edit", Map.of("chunk_id", "x"))
                .startsWith("Error: invalid parameter for action 'edit': content is required"));
        assertTrue(tools.errorAction("edit", Map.of("chunk_id", "0b7e2c1e-0000-4000-8000-000000000000",
                "content", "y")).startsWith("Error: "));
    }

    @Test
    void deleteByChunkRemovesTheLinesFromTheFile() throws IOException {
        String keep = "Keep this note about tea.";
        tools.addMemory("Tea", keep, List.of());
        String id = tools.addMemory("Coffee", "Delete this note about coffee.", List.of());
        String text = tools.okAction("delete", Map.of("chunk_id", id));
        assertTrue(text.startsWith("Deleted chunk " + id + " from "), text);
        Path file = Path.of(text.substring(text.indexOf(" from ") + 6, text.lastIndexOf(" (")));
        String markdown = Files.readString(file);
        assertFalse(markdown.contains("coffee"), markdown);
        assertTrue(markdown.contains(keep), markdown);
    }

    @Test
    void deleteByNamespaceOrSourceRemovesIndexRowsOnly() {
        tools.ok("mem_add", Map.of("content", "Scratch thought.", "namespace", "scratch"));
        String text = tools.okAction("delete", Map.of("namespace", "scratch"));
        assertTrue(text.startsWith("Removed 1 chunk(s) in namespace 'scratch'"), text);
        tools.ok("mem_add", Map.of("content", "Another thought."));
        assertTrue(tools.okAction("delete", Map.of("source_file", ".md")).startsWith("Removed "));
    }

    @Test
    void deleteNeedsExactlyOneTarget() {
        assertTrue(tools.errorAction("delete", Map.of()).contains("pass exactly one of chunk_id, source_file or "
                + "namespace (got none)"));
        assertTrue(tools.errorAction("delete", Map.of("chunk_id", "a", "namespace", "b"))
                .contains("(got chunk_id, namespace)"));
    }

    @Test
    void batchAddAppendsEveryEntryInOneFile() throws IOException {
        String text = tools.okAction("batch_add", Map.of("entries", List.of(
                Map.of("key", "Alpha", "value", "First batch entry."),
                Map.of("key", "Beta", "value", "Second batch entry.", "tags", List.of("b")))));
        assertTrue(text.startsWith("Batch added 2 entries to "), text);
        Path file = Path.of(text.substring("Batch added 2 entries to ".length(), text.indexOf('\n')));
        String markdown = Files.readString(file);
        assertTrue(markdown.contains("## Alpha") && markdown.contains("## Beta"), markdown);
        assertTrue(tools.ok("mem_search", Map.of("query", "Second batch entry")).contains("Found"));
    }

    @Test
    void batchAddRejectsBadEntries() {
        assertTrue(tools.errorAction("batch_add", Map.of()).contains("entries is required"));
        assertTrue(tools.errorAction("batch_add", Map.of("entries", List.of())).contains("entries must be"));
        assertTrue(tools.errorAction("batch_add", Map.of("entries", List.of(Map.of("key", "A"))))
                .contains("entries[0]: value is required"));
        assertTrue(tools.errorAction("batch_add", Map.of("entries", List.of("text"))).contains("entries must be"));
    }
}
