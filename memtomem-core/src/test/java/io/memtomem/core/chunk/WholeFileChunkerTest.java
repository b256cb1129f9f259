package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WholeFileChunkerTest {

    private final WholeFileChunker chunker = new WholeFileChunker(ChunkingSettings.defaults());

    @Test
    void smallFileIsOneRawTextChunkWithoutBreadcrumb() {
        List<Chunk> chunks = chunker.chunk("script", "\n\ndef main():\n    pass\n\n");
        assertEquals(1, chunks.size());
        Chunk chunk = chunks.get(0);
        assertEquals("def main():\n    pass", chunk.content());
        assertEquals(WholeFileChunker.TYPE, chunk.chunkType());
        assertEquals(List.of(), chunk.hierarchy());
        assertEquals(3, chunk.startLine());
        assertEquals(4, chunk.endLine());
    }

    @Test
    void emptyAndWhitespaceOnlyFilesGiveNoChunks() {
        assertEquals(List.of(), chunker.chunk("a", ""));
        assertEquals(List.of(), chunker.chunk("a", " \n\t\n"));
    }

    @Test
    void oversizedFileIsSplitIntoConsecutiveLineWindows() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            text.append("line number ").append(i).append(" of the file\n");
        }
        List<Chunk> chunks = chunker.chunk("a", text.toString());
        assertTrue(chunks.size() >= 4);
        assertEquals(1, chunks.get(0).startLine());
        for (int i = 1; i < chunks.size(); i++) {
            assertEquals(chunks.get(i - 1).endLine() + 1, chunks.get(i).startLine());
        }
        assertEquals(300, chunks.get(chunks.size() - 1).endLine());
        chunks.forEach(c -> assertTrue(c.content().length() <= 2048));
        assertTrue(chunks.get(0).content().startsWith("line number 1 of"));
    }

    @Test
    void overlongSingleLineIsHardCutAtWhitespace() {
        String line = "token ".repeat(1000).strip(); // 5999 characters on one line
        List<Chunk> chunks = chunker.chunk("a", line);
        assertEquals(3, chunks.size());
        chunks.forEach(c -> assertTrue(c.content().length() <= 2048 && !c.content().startsWith(" ")));
        assertEquals(line, String.join(" ", chunks.stream().map(Chunk::content).toList()));
    }
}
