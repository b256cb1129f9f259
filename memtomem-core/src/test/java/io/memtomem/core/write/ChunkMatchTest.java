package io.memtomem.core.write;

import org.junit.jupiter.api.Test;

import static io.memtomem.core.write.ChunkMatch.Result.CHANGED;
import static io.memtomem.core.write.ChunkMatch.Result.SHARED_LINES;
import static io.memtomem.core.write.ChunkMatch.Result.WHOLE_LINES;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChunkMatchTest {

    @Test
    void sectionTextWithoutItsHeadingAndTaggedHeaderFillsItsLines() {
        FileLines file = FileLines.of("## A\n\n> created: x\n> tags: [\"t\"]\n\nbody  text\nmore\n");

        assertEquals(WHOLE_LINES, ChunkMatch.of(file, 0, 6, "body text\nmore"));
    }

    @Test
    void headerWithoutTagsStaysPartOfTheText() {
        FileLines file = FileLines.of("## A\n\n> created: x\n\nbody\n");

        assertEquals(WHOLE_LINES, ChunkMatch.of(file, 0, 4, "> created: x\n\nbody"));
        assertEquals(CHANGED, ChunkMatch.of(file, 0, 4, "body"));
    }

    @Test
    void lazyContinuationHeaderIsRemovedLikeTheChunkerDoes() {
        FileLines file = FileLines.of("## A\n> created: x\ntags: [t]\n\nbody\n");

        assertEquals(WHOLE_LINES, ChunkMatch.of(file, 0, 4, "body"));
    }

    @Test
    void wikilinksAreComparedInTheirRewrittenForm() {
        FileLines file = FileLines.of("## A\nsee [[Redis Notes|redis]] and [[Cache]]\n");

        assertEquals(WHOLE_LINES, ChunkMatch.of(file, 0, 1, "see redis and Cache"));
    }

    @Test
    void mergedChunkCarryingInnerHeadingsMatches() {
        FileLines file = FileLines.of("# Notes\n\n## Todo\nbuy milk\n\n## Done\nship it\n");

        assertEquals(WHOLE_LINES, ChunkMatch.of(file, 2, 6, "## Todo\n\nbuy milk\n\n## Done\n\nship it"));
    }

    @Test
    void textCutMidLineAtASentenceEndSharesItsLine() {
        FileLines file = FileLines.of("## A\nFirst part. Second part.\nthird line.\n");

        assertEquals(SHARED_LINES, ChunkMatch.of(file, 1, 2, "Second part.\nthird line."));
        assertEquals(SHARED_LINES, ChunkMatch.of(file, 0, 1, "First part."));
    }

    @Test
    void wordsAddedToAChunkLineByHandAreAChange() {
        FileLines file = FileLines.of("## A\nbody edited by hand\n");

        assertEquals(CHANGED, ChunkMatch.of(file, 0, 1, "body"));
        assertEquals(CHANGED, ChunkMatch.of(file, 0, 1, "body edited by hand and more"));
    }
}
