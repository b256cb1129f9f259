package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON, YAML and TOML split per top-level key (before merging). */
class StructuredChunkerTest {

    private static List<Chunk> json(String text) {
        return new StructuredChunker(new JsonTopLevelKeys(), ChunkingSettings.defaults()).chunk("config", text);
    }

    private static List<Chunk> yaml(String text) {
        return new StructuredChunker(new YamlTopLevelKeys(), ChunkingSettings.defaults()).chunk("config", text);
    }

    private static List<Chunk> toml(String text) {
        return new StructuredChunker(new TomlTopLevelKeys(), ChunkingSettings.defaults()).chunk("config", text);
    }

    private static List<String> contents(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::content).toList();
    }

    @Test
    void jsonObjectIsSplitPerTopLevelKeyWithStemAndKeyBreadcrumb() {
        String text = "{\n  \"server\": {\n    \"port\": 8080\n  },\n  \"debug\": true\n}\n";
        List<Chunk> chunks = json(text);
        assertEquals(List.of("\"server\": {\n    \"port\": 8080\n  },", "\"debug\": true"), contents(chunks));
        assertEquals(List.of("config", "server"), chunks.get(0).hierarchy());
        assertEquals(List.of("config", "debug"), chunks.get(1).hierarchy());
        assertEquals(2, chunks.get(0).startLine());
        assertEquals(4, chunks.get(0).endLine());
        assertEquals(5, chunks.get(1).startLine());
        assertEquals(StructuredChunker.TYPE, chunks.get(0).chunkType());
    }

    @Test
    void nestedKeyWithATopLevelNameDoesNotStartASection() {
        List<Chunk> chunks = json("{\n  \"a\": {\n    \"b\": 1\n  },\n  \"b\": 2\n}");
        assertEquals(List.of(List.of("config", "a"), List.of("config", "b")),
                chunks.stream().map(Chunk::hierarchy).toList());
        assertEquals("\"b\": 2", chunks.get(1).content());
    }

    @Test
    void malformedJsonBecomesOneWholeFileChunk() {
        List<Chunk> chunks = json("{\n  \"a\": 1,\n}\n");
        assertEquals(List.of("{\n  \"a\": 1,\n}"), contents(chunks));
        assertEquals(WholeFileChunker.TYPE, chunks.get(0).chunkType());
        assertEquals(List.of(), chunks.get(0).hierarchy());
    }

    @Test
    void jsonWithTrailingContentIsMalformed() {
        assertEquals(WholeFileChunker.TYPE, json("{\"a\": 1} {\"b\": 2}").get(0).chunkType());
    }

    @Test
    void jsonWhoseTopLevelIsNotAnObjectBecomesOneWholeFileChunk() {
        assertEquals(List.of("[1, 2, 3]"), contents(json("[1, 2, 3]")));
        assertEquals(List.of("42"), contents(json("42")));
    }

    @Test
    void emptyJsonObjectIsOneWholeFileChunk() {
        assertEquals(List.of("{}"), contents(json("{}")));
    }

    @Test
    void oversizedSectionIsSplitIntoLineWindowsAtThreeCharactersPerToken() {
        StringBuilder text = new StringBuilder("{\n  \"items\": [\n");
        for (int i = 0; i < 200; i++) {
            text.append("    \"item number ").append(String.format("%04d", i)).append("\",\n");
        }
        text.append("    \"last\"\n  ]\n}\n");
        List<Chunk> chunks = json(text.toString());
        assertTrue(chunks.size() > 1, "split expected");
        for (Chunk chunk : chunks) {
            assertTrue(chunk.content().length() <= 512 * 3, "window within max × 3 characters");
            assertEquals(List.of("config", "items"), chunk.hierarchy());
        }
        assertEquals(2, chunks.get(0).startLine());
        assertEquals(chunks.get(0).endLine() + 1, chunks.get(1).startLine());
    }

    @Test
    void yamlIsSplitOnUnindentedKeys() {
        String text = "# settings\nserver:\n  port: 8080\n  host: example.com\n\"quoted key\": 1\nlist:\n  - a\n";
        List<Chunk> chunks = yaml(text);
        assertEquals(List.of("server:\n  port: 8080\n  host: example.com", "\"quoted key\": 1", "list:\n  - a"),
                contents(chunks));
        assertEquals(List.of("config", "quoted key"), chunks.get(1).hierarchy());
        assertEquals(2, chunks.get(0).startLine());
    }

    @Test
    void yamlTopLevelListBecomesOneWholeFileChunk() {
        assertEquals(WholeFileChunker.TYPE, yaml("- a\n- b\n").get(0).chunkType());
    }

    @Test
    void yamlWithSeveralDocumentsBecomesOneWholeFileChunk() {
        assertEquals(WholeFileChunker.TYPE, yaml("a: 1\n---\nb: 2\n").get(0).chunkType());
    }

    @Test
    void yamlWithALeadingDocumentMarkerIsStillAMapping() {
        assertEquals(List.of("a: 1", "b: 2"), contents(yaml("---\na: 1\nb: 2\n")));
    }

    @Test
    void tomlIsSplitOnTopLevelKeysAndTablesGroupedByRootKey() {
        String text = "title = \"x\"\n\n[server]\nport = 1\n\n[server.tls]\non = true\n\n[[bins]]\nname = \"a\"\n"
                + "[[bins]]\nname = \"b\"\n";
        List<Chunk> chunks = toml(text);
        assertEquals(List.of(List.of("config", "title"), List.of("config", "server"), List.of("config", "bins")),
                chunks.stream().map(Chunk::hierarchy).toList());
        assertEquals("[server]\nport = 1\n\n[server.tls]\non = true", chunks.get(1).content());
    }

    @Test
    void tomlKeysInsideMultilineStringsAreIgnored() {
        List<Chunk> chunks = toml("text = \"\"\"\nfake = 1\n\"\"\"\nreal = 2\n");
        assertEquals(List.of("text = \"\"\"\nfake = 1\n\"\"\"", "real = 2"), contents(chunks));
    }

    @Test
    void tomlWithoutKeysBecomesOneWholeFileChunk() {
        assertEquals(WholeFileChunker.TYPE, toml("just words\n").get(0).chunkType());
    }
}
