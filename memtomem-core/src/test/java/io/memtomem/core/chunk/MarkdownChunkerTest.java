package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Section splitting, frontmatter, wikilinks and header promotion of the markdown chunker (before merging). */
class MarkdownChunkerTest {

    private final MarkdownChunker chunker = new MarkdownChunker(ChunkingSettings.defaults());

    private List<Chunk> chunk(String text) {
        return chunker.chunk("note", text);
    }

    private static List<String> contents(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::content).toList();
    }

    @Test
    void emptyFileGivesNoChunks() {
        assertEquals(List.of(), chunk(""));
    }

    @Test
    void whitespaceOnlyFileGivesNoChunks() {
        assertEquals(List.of(), chunk(" \n\t\n\u3000\n"));
    }

    @Test
    void headingOnlySectionsGiveNoChunks() {
        assertEquals(List.of(), chunk("# A\n\n## B\n"));
    }

    @Test
    void headingLineIsNotPartOfTheSectionText() {
        List<Chunk> chunks = chunk("## Title\n\nBody text.\n");
        assertEquals(List.of("Body text."), contents(chunks));
        assertEquals(List.of("## Title"), chunks.get(0).hierarchy());
        assertEquals(MarkdownChunker.TYPE, chunks.get(0).chunkType());
    }

    @Test
    void hierarchyKeepsOnlyAncestorsOfALowerLevel() {
        List<Chunk> chunks = chunk("# A\na\n## B\nb\n### C\nc\n## D\nd\n# E\ne\n");
        assertEquals(List.of(
                List.of("# A"),
                List.of("# A", "## B"),
                List.of("# A", "## B", "### C"),
                List.of("# A", "## D"),
                List.of("# E")), chunks.stream().map(Chunk::hierarchy).toList());
    }

    @Test
    void headingTitleIsStrippedAndWrittenWithItsHashes() {
        assertEquals(List.of("### Spaced title"), chunk("###   Spaced title  \nx").get(0).hierarchy());
    }

    @Test
    void linesThatOnlyLookLikeHeadingsAreText() {
        List<Chunk> chunks = chunk("#hashtag\n####### seven\n  ## indented\n##\nbody");
        assertEquals(1, chunks.size());
        assertEquals(List.of(), chunks.get(0).hierarchy());
    }

    @Test
    void textBeforeTheFirstHeadingIsAHeadinglessSection() {
        List<Chunk> chunks = chunk("Intro.\n\n## A\nbody");
        assertEquals(List.of("Intro.", "body"), contents(chunks));
        assertEquals(List.of(), chunks.get(0).hierarchy());
    }

    @Test
    void fileWithoutHeadingsIsOneSection() {
        List<Chunk> chunks = chunk("\n\nJust text.\nMore text.\n\n");
        assertEquals(List.of("Just text.\nMore text."), contents(chunks));
        assertEquals(3, chunks.get(0).startLine());
        assertEquals(5, chunks.get(0).endLine(), "the section runs to the end of the file, trailing blank line included");
    }

    @Test
    void headingsInsideBacktickFencesAreIgnored() {
        List<Chunk> chunks = chunk("## A\n```sh\n# not a heading\n```\n## B\nb");
        assertEquals(List.of("```sh\n# not a heading\n```", "b"), contents(chunks));
    }

    @Test
    void headingsInsideTildeFencesAreIgnored() {
        List<Chunk> chunks = chunk("## A\n~~~\n## still code\n~~~\n## B\nb");
        assertEquals(List.of("~~~\n## still code\n~~~", "b"), contents(chunks));
    }

    @Test
    void fenceClosesOnlyOnTheSameCharacterAtLeastAsLongWithoutInfoString() {
        String text = "## A\n````\n```\n~~~~\n```` python\n# inside\n`````  \n# Outside\nx";
        List<Chunk> chunks = chunk(text);
        assertEquals(2, chunks.size());
        assertEquals("````\n```\n~~~~\n```` python\n# inside\n`````", chunks.get(0).content());
        assertEquals(List.of("# Outside"), chunks.get(1).hierarchy());
    }

    @Test
    void fenceMayBeIndentedUpToThreeSpacesOnly() {
        assertEquals(1, chunk("## A\n   ```\n# code\n   ```\n").size());
        assertEquals(2, chunk("## A\n    ```\n# heading\nx").size());
    }

    @Test
    void unclosedFenceRunsToTheEndOfTheFile() {
        List<Chunk> chunks = chunk("## A\n```\n## B\ncode");
        assertEquals(List.of("```\n## B\ncode"), contents(chunks));
    }

    @Test
    void frontmatterInlineTagsApplyToEveryChunkSorted() {
        List<Chunk> chunks = chunk("---\ntitle: t\ntags: [zeta, \"alpha\"]\n---\n\n## A\na\n## B\nb");
        assertEquals(3, chunks.size());
        chunks.forEach(c -> assertEquals(List.of("alpha", "zeta"), c.tags()));
    }

    @Test
    void frontmatterJsonTagsAreRead() {
        assertEquals(List.of("a b", "c"), chunk("---\ntags: [\"a b\", \"c\"]\n---\ntext").get(0).tags());
    }

    @Test
    void frontmatterBlockListTagsAreRead() {
        assertEquals(List.of("ops", "redis"), chunk("---\ntags:\n  - redis\n  - 'ops'\nother: 1\n---\ntext").get(0).tags());
    }

    @Test
    void frontmatterStaysInTheHeadinglessSectionText() {
        assertEquals("---\ntags: [a]\n---\nintro", chunk("---\ntags: [a]\n---\nintro\n## H\nx").get(0).content());
    }

    @Test
    void frontmatterWithCrlfLineEndingsIsNotRead() {
        assertEquals(List.of(), chunk("---\r\ntags: [a]\r\n---\r\ntext").get(0).tags());
    }

    @Test
    void frontmatterWithTrailingSpacesOnTheDelimiterIsNotRead() {
        assertEquals(List.of(), chunk("--- \ntags: [a]\n---\ntext").get(0).tags());
        assertEquals(List.of(), chunk("---\ntags: [a]\n---  \ntext").get(0).tags());
    }

    @Test
    void frontmatterAfterABomIsNotRead() {
        assertEquals(List.of(), chunk("\ufeff---\ntags: [a]\n---\ntext").get(0).tags());
    }

    @Test
    void wikilinksAreRewrittenToTheirAliasOrTarget() {
        assertEquals("See Redis notes and runbook here.",
                chunk("See [[redis-notes|Redis notes]] and [[runbook]] here.").get(0).content());
    }

    @Test
    void canonicalBlockquoteHeaderTagsArePromotedAndTheHeaderRemoved() {
        String text = "## Entry\n\n> created: 2026-03-30T01:02:03+00:00\n> tags: [\"redis\", \"perf\"]\n\n\nBody.\n";
        Chunk chunk = chunk(text).get(0);
        assertEquals("Body.", chunk.content());
        assertEquals(List.of("perf", "redis"), chunk.tags());
        assertEquals(1, chunk.startLine());
        assertEquals(7, chunk.endLine());
    }

    @Test
    void lazyContinuationBlockquoteHeaderTagsArePromoted() {
        Chunk chunk = chunk("## Entry\n> created: 2026-01-01\ntags: [a, b]\n\nBody.").get(0);
        assertEquals("Body.", chunk.content());
        assertEquals(List.of("a", "b"), chunk.tags());
    }

    @Test
    void bodyTextRightAfterACanonicalHeaderIsKept() {
        Chunk chunk = chunk("## Entry\n> tags: [a]\nBody starts here.").get(0);
        assertEquals("Body starts here.", chunk.content());
        assertEquals(List.of("a"), chunk.tags());
    }

    @Test
    void blockquoteWithoutTagsLineStaysInTheContent() {
        Chunk chunk = chunk("## Entry\n\n> created: 2026-01-01\n\nBody.").get(0);
        assertEquals("> created: 2026-01-01\n\nBody.", chunk.content());
        assertEquals(List.of(), chunk.tags());
    }

    @Test
    void blockquoteLaterInTheSectionIsNotAHeader() {
        Chunk chunk = chunk("## Entry\nBody.\n\n> tags: [a]").get(0);
        assertEquals("Body.\n\n> tags: [a]", chunk.content());
        assertEquals(List.of(), chunk.tags());
    }

    @Test
    void blockquoteTagsAreUnitedWithFrontmatterTags() {
        List<Chunk> chunks = chunk("---\ntags: [file]\n---\n## A\n> tags: [\"entry\", \"file\"]\n\nbody\n## B\nb");
        assertEquals(List.of("entry", "file"), chunks.get(1).tags());
        assertEquals(List.of("file"), chunks.get(2).tags());
    }

    @Test
    void entryWithOnlyAHeaderGivesNoChunk() {
        assertEquals(List.of(), chunk("## Entry\n> created: x\n> tags: [a]\n"));
    }

    @Test
    void sectionSpansFromItsHeadingToTheLineBeforeTheNextHeadingAsTheReferenceStoresIt() {
        List<Chunk> chunks = chunk("intro\n\n## A\n\nline one\nline two\n\n\n## B\nb\n");
        assertEquals(1, chunks.get(0).startLine());
        assertEquals(2, chunks.get(0).endLine());
        assertEquals(3, chunks.get(1).startLine());
        assertEquals(8, chunks.get(1).endLine());
        assertEquals(9, chunks.get(2).startLine());
        assertEquals(10, chunks.get(2).endLine());
    }

    @Test
    void sectionAtExactlyTheMaximumStaysOneChunk() {
        String body = "word ".repeat(409) + "end"; // 2048 characters = 512 tokens
        assertEquals(2048, body.length());
        assertEquals(List.of(body), contents(chunk("## A\n" + body)));
    }

    @Test
    void crlfSectionsAreStrippedOfCarriageReturns() {
        List<Chunk> chunks = chunk("## A\r\nline\r\n## B\r\nb\r\n");
        assertEquals(List.of("line", "b"), contents(chunks));
        assertEquals(List.of("## A"), chunks.get(0).hierarchy());
    }

    @Test
    void sizeIsCountedInCodePointsLikePython() {
        String emoji = "\uD83D\uDE00".repeat(600); // 600 code points, 1200 UTF-16 units: 150 tokens
        List<Chunk> chunks = new MarkdownChunker(new ChunkingSettings(200, 0, 0, 0, 800)).chunk("n", emoji);
        assertEquals(1, chunks.size());
        assertTrue(chunks.get(0).content().equals(emoji));
    }
}
