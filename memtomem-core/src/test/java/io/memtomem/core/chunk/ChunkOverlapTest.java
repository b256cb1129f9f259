package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkOverlapTest {

    private static Chunk chunk(String content) {
        return new Chunk(content, List.of("## A"), "markdown_section", 1, 1, List.of());
    }

    @Test
    void noOverlapWhenTheSettingIsZero() {
        List<Chunk> chunks = List.of(chunk("first"), chunk("second"));
        assertEquals(chunks, ChunkOverlap.apply(chunks, 0));
    }

    @Test
    void eachChunkGetsThePreviousTailAndTheNextHead() {
        List<Chunk> out = ChunkOverlap.apply(List.of(chunk("aaaabbbb"), chunk("ccccdddd"), chunk("eeeeffff")), 1);
        assertEquals(List.of("aaaabbbb\nccc", "bbb\nccccdddd\neee", "ddd\neeeeffff"),
                out.stream().map(Chunk::content).toList());
    }

    @Test
    void overlapIsCappedAtFiveThousandCharacters() {
        String big = "x".repeat(6000);
        List<Chunk> out = ChunkOverlap.apply(List.of(chunk(big), chunk("y")), 10_000);
        assertEquals(5000 + 1 + 1, out.get(1).content().length());
    }

    @Test
    void overlapNeverSplitsASurrogatePair() {
        List<Chunk> out = ChunkOverlap.apply(List.of(chunk("a\uD83D\uDE00"), chunk("b")), 1);
        assertEquals("a\uD83D\uDE00\nb", out.get(1).content());
    }

    @Test
    void overlapIsAppliedByChunkersOnlyWhenConfigured() {
        String text = "## A\n" + "word ".repeat(300) + "\n## B\n" + "more ".repeat(300);
        Chunkers plain = new Chunkers(ChunkingSettings.defaults(), Chunkers.DEFAULT_EXTENSIONS);
        Chunkers overlapping = new Chunkers(new ChunkingSettings(512, 128, 384, 2, 800), Chunkers.DEFAULT_EXTENSIONS);
        assertEquals("more", plain.chunk(Path.of("n.md"), text).get(1).content().substring(0, 4));
        // 2 tokens × 3 = the last 6 characters of the previous chunk
        assertEquals("d word\nmore", overlapping.chunk(Path.of("n.md"), text).get(1).content().substring(0, 11));
    }
}
