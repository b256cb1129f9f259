package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-pass short-chunk merge with default sizes: min 128, target 384, max 512 tokens. */
class ShortChunkMergerTest {

    private final ShortChunkMerger merger = new ShortChunkMerger(ChunkingSettings.defaults());

    /** A chunk of {@code tokens} estimated tokens (4 ASCII characters each). */
    private static Chunk chunk(int tokens, int line, String... hierarchy) {
        return chunk("w".repeat(tokens * 4), line, hierarchy);
    }

    private static Chunk chunk(String content, int line, String... hierarchy) {
        return new Chunk(content, List.of(hierarchy), MarkdownChunker.TYPE, line, line, List.of());
    }

    private List<Chunk> merge(Chunk... chunks) {
        return merger.merge(List.of(chunks));
    }

    @Test
    void topLevelSiblingEntriesNeverMerge() {
        List<Chunk> merged = merge(chunk(10, 1, "## A"), chunk(10, 2, "## B"), chunk(10, 3, "## C"));
        assertEquals(3, merged.size());
    }

    @Test
    void headinglessShortChunkMergesForwardAndAdoptsTheNextBreadcrumb() {
        List<Chunk> merged = merge(chunk("> disclaimer", 1), chunk("Body.", 3, "## A"));
        assertEquals(1, merged.size());
        assertEquals("> disclaimer\n\nBody.", merged.get(0).content());
        assertEquals(List.of("## A"), merged.get(0).hierarchy());
    }

    @Test
    void shortParentMergesWithItsChildAndWritesTheChildHeadingBack() {
        List<Chunk> merged = merge(chunk("Intro.", 1, "# Doc"), chunk("Child.", 3, "# Doc", "## Part"));
        assertEquals(1, merged.size());
        assertEquals("Intro.\n\n## Part\n\nChild.", merged.get(0).content());
        assertEquals(List.of("# Doc"), merged.get(0).hierarchy());
    }

    @Test
    void siblingsAtDepthTwoMergeAndBothLeafHeadingsAreWrittenBack() {
        List<Chunk> merged = merge(chunk("a", 1, "# Doc", "## A"), chunk("b", 2, "# Doc", "## B"));
        assertEquals("## A\n\na\n\n## B\n\nb", merged.get(0).content());
        assertEquals(List.of("# Doc"), merged.get(0).hierarchy());
    }

    @Test
    void equalBreadcrumbsMergeWithoutWritingHeadings() {
        List<Chunk> merged = merge(chunk("a", 1, "## A"), chunk("b", 2, "## A"));
        assertEquals("a\n\nb", merged.get(0).content());
        assertEquals(List.of("## A"), merged.get(0).hierarchy());
    }

    @Test
    void mergeUnionsTagsAndExtendsTheEndLine() {
        Chunk a = new Chunk("a", List.of("## A"), MarkdownChunker.TYPE, 3, 4, List.of("y", "x"));
        Chunk b = new Chunk("b", List.of("## A"), MarkdownChunker.TYPE, 6, 9, List.of("z", "x"));
        Chunk merged = merger.merge(List.of(a, b)).get(0);
        assertEquals(List.of("x", "y", "z"), merged.tags());
        assertEquals(3, merged.startLine());
        assertEquals(9, merged.endLine());
    }

    @Test
    void minimumPassKeepsMergingWhileTheChunkIsStillShort() {
        List<Chunk> merged = merge(chunk(40, 1, "# D", "## A"), chunk(40, 2, "# D", "## B"),
                chunk(40, 3, "# D", "## C"), chunk(200, 4, "## Z"));
        assertEquals(2, merged.size());
        assertEquals(3, merged.get(0).endLine());
    }

    @Test
    void minimumPassStopsAtTheMaximum() {
        List<Chunk> merged = merge(chunk(100, 1, "## A"), chunk(450, 2, "## A"));
        assertEquals(2, merged.size());
    }

    @Test
    void minimumPassIgnoresTheMaximumWhenTheNextChunkIsAlreadyOversized() {
        List<Chunk> merged = merge(chunk(100, 1, "## A"), chunk(600, 2, "## A"));
        assertEquals(1, merged.size());
    }

    @Test
    void packingPassFillsChunksUpToTheTargetWithKin() {
        List<Chunk> merged = merge(chunk(200, 1, "# D", "## A"), chunk(150, 2, "# D", "## B"),
                chunk(200, 3, "# D", "## C"));
        assertEquals(2, merged.size());
        assertEquals(2, merged.get(0).endLine());
    }

    @Test
    void packingPassDoesNotRunWhenTheTargetIsNotAboveTheMinimum() {
        ShortChunkMerger noPacking = new ShortChunkMerger(new ChunkingSettings(512, 128, 128, 0, 800));
        List<Chunk> merged = noPacking.merge(List.of(chunk(200, 1, "# D", "## A"), chunk(150, 2, "# D", "## B")));
        assertEquals(2, merged.size());
    }

    @Test
    void shortLastChunkMergesBackwardsIntoItsKin() {
        List<Chunk> merged = merge(chunk(300, 1, "# D", "## A"), chunk(300, 2, "# D", "## B"),
                chunk(10, 3, "# D", "## C"));
        assertEquals(2, merged.size());
        assertEquals(3, merged.get(1).endLine());
    }

    @Test
    void shortLastTopLevelEntryStaysSeparate() {
        assertEquals(2, merge(chunk(300, 1, "## A"), chunk(10, 2, "## B")).size());
    }

    @Test
    void shortChunkMergesAcrossBranchesOfTheSameRootButALargeOneDoesNot() {
        assertEquals(1, merge(chunk(20, 1, "# D", "## A", "### x"), chunk(200, 2, "# D", "## B")).size());
        assertEquals(2, merge(chunk(200, 1, "# D", "## A", "### x"), chunk(200, 2, "# D", "## B")).size());
    }

    @Test
    void shortChunkUnderADeeperRootMergesIntoAShallowerRoot() {
        List<Chunk> merged = merge(chunk("orphan", 1, "### Note"), chunk("body", 2, "## Section"));
        assertEquals(1, merged.size());
        assertEquals("### Note\n\norphan\n\n## Section\n\nbody", merged.get(0).content());
        assertEquals(List.of(), merged.get(0).hierarchy());
    }

    @Test
    void koreanTextCountsTwoCharactersPerTokenSoItIsNotShort() {
        String korean = "가".repeat(300); // 150 tokens at 2 characters each: over the minimum
        String ascii = "w".repeat(300);   // 75 tokens: short, so it may join another branch of its root
        assertEquals(2, merge(chunk(korean, 1, "# D", "## A", "### x"), chunk(200, 2, "# D", "## B")).size());
        assertEquals(1, merge(chunk(ascii, 1, "# D", "## A", "### x"), chunk(200, 2, "# D", "## B")).size());
    }
}
