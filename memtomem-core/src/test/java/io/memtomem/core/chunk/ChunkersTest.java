package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkersTest {

    private final Chunkers chunkers = new Chunkers(ChunkingSettings.defaults(), Chunkers.DEFAULT_EXTENSIONS);

    @Test
    void supportsTheDefaultExtensionsCaseInsensitively() {
        for (String name : List.of("a.md", "B.MD", "c.json", "d.yaml", "e.yml", "f.toml", "g.py", "h.js", "i.ts",
                "j.tsx", "k.jsx")) {
            assertTrue(chunkers.supports(Path.of("dir", name)), name);
        }
        for (String name : List.of("a.txt", "a.markdown", "Makefile", ".md", "a.md.bak")) {
            assertFalse(chunkers.supports(Path.of(name)), name);
        }
    }

    @Test
    void configuredExtensionsAreNormalised() {
        Chunkers custom = new Chunkers(ChunkingSettings.defaults(), Set.of("TXT", ".Markdown"));
        assertTrue(custom.supports(Path.of("notes.txt")));
        assertTrue(custom.supports(Path.of("notes.markdown")));
        assertFalse(custom.supports(Path.of("notes.md")));
    }

    @Test
    void markdownFilesAreChunkedBySectionAndMerged() {
        List<Chunk> chunks = chunkers.chunk(Path.of("2026-01-01.md"),
                "> note\n\n## A\n\n> created: x\n> tags: [\"t\"]\n\nalpha\n\n## B\n\nbeta\n");
        assertEquals(List.of("> note\n\nalpha", "beta"), chunks.stream().map(Chunk::content).toList());
        assertEquals(List.of("t"), chunks.get(0).tags());
        assertEquals(1, chunks.get(0).startLine());
        assertEquals(9, chunks.get(0).endLine(), "up to the line before the next heading");
    }

    @Test
    void dotMarkdownFilesUseTheMarkdownChunker() {
        assertEquals(List.of("## A"), chunkers.chunk(Path.of("x.markdown"), "## A\nbody").get(0).hierarchy());
    }

    @Test
    void structuredSiblingsAreMergedUnderTheFileStem() {
        List<Chunk> chunks = chunkers.chunk(Path.of("app.json"), "{\n  \"a\": 1,\n  \"b\": 2\n}");
        assertEquals(1, chunks.size());
        assertEquals(List.of("app"), chunks.get(0).hierarchy());
        assertEquals("a\n\n\"a\": 1,\n\nb\n\n\"b\": 2", chunks.get(0).content());
    }

    @Test
    void codeAndUnknownFilesAreWholeFileRawText() {
        assertEquals(WholeFileChunker.TYPE, chunkers.chunk(Path.of("main.py"), "print(1)").get(0).chunkType());
        assertEquals(WholeFileChunker.TYPE, chunkers.chunk(Path.of("README"), "## not markdown").get(0).chunkType());
    }

    @Test
    void emptyFilesGiveNoChunks() {
        assertEquals(List.of(), chunkers.chunk(Path.of("a.md"), ""));
        assertEquals(List.of(), chunkers.chunk(Path.of("a.json"), ""));
        assertEquals(List.of(), chunkers.chunk(Path.of("a.py"), "  \n"));
    }

    @Test
    void returnedListIsImmutable() {
        List<Chunk> chunks = chunkers.chunk(Path.of("a.md"), "x");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, chunks::clear);
    }
}
