package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting of markdown sections over {@code max_chunk_tokens}; small limits keep the texts readable. */
class OversizeSplitTest {

    /** max {@code maxTokens} (×4 characters), paragraph split from {@code threshold} tokens, no merging. */
    private static List<Chunk> chunk(int maxTokens, int threshold, String text) {
        return new MarkdownChunker(new ChunkingSettings(maxTokens, 0, 0, 0, threshold)).chunk("n", text);
    }

    private static List<String> contents(List<Chunk> chunks) {
        return chunks.stream().map(Chunk::content).toList();
    }

    @Test
    void sentencesArePackedGreedilyUpToTheCharacterLimit() {
        String text = "One two three four five six. Seven eight nine ten eleven. Twelve.";
        assertEquals(List.of("One two three four five six.", "Seven eight nine ten eleven. Twelve."),
                contents(chunk(10, 1000, text)));
    }

    @Test
    void exclamationAndQuestionMarksEndSentencesToo() {
        assertEquals(List.of("Is it really that long?", "Yes it is quite long!", "Done now."),
                contents(chunk(6, 1000, "Is it really that long? Yes it is quite long! Done now.")));
    }

    @Test
    void overlongSentenceIsHardCutAtTheLastWhitespaceBeforeTheLimit() {
        assertEquals(List.of("alpha beta gamma", "delta epsilon zeta"),
                contents(chunk(5, 1000, "alpha beta gamma delta epsilon zeta")));
    }

    @Test
    void unbrokenWordIsCutAtTheLimit() {
        assertEquals(List.of("x".repeat(20), "x".repeat(20), "x".repeat(10)), contents(chunk(5, 1000, "x".repeat(50))));
    }

    @Test
    void overlongSentenceIsCutAtNewlinesBeforeWhitespace() {
        assertEquals(List.of("first line here", "second line here"),
                contents(chunk(5, 1000, "first line here\nsecond line here")));
    }

    @Test
    void largeSectionsSplitOnParagraphsFirst() {
        // As paragraphs the first two do not fit together; as sentences the first and third would be packed.
        String text = "Alpha beta gamma.\n\nEins zwo. Drei vier.";
        assertEquals(List.of("Alpha beta gamma.", "Eins zwo. Drei vier."), contents(chunk(8, 8, text)));
        assertEquals(List.of("Alpha beta gamma.\n\nEins zwo.", "Drei vier."), contents(chunk(8, 1000, text)));
    }

    @Test
    void labelLinesSplitASinglePartWhenThereAreAtLeastTwo() {
        String text = "**A**\nalpha\n**B**\ndelta epsilon zeta";
        assertEquals(List.of("**A**\nalpha", "**B**\ndelta epsilon zeta"), contents(chunk(6, 1000, text)));
    }

    @Test
    void aSingleLabelLineDoesNotSplit() {
        String text = "**A**\nalpha\nbeta\ndelta epsilon zeta";
        assertEquals(List.of("**A**\nalpha\nbeta", "delta epsilon zeta"), contents(chunk(6, 1000, text)));
    }

    @Test
    void oversizedFenceIsKeptWholeAndNeverCut() {
        String fence = "```\n" + "code line one. more\n\ncode line two. more\ncode line three. more\n" + "```";
        String text = "Intro line here.\n\n" + fence + "\n\nOutro.";
        assertEquals(List.of("Intro line here.", fence, "Outro."), contents(chunk(10, 10, text)));
        assertEquals(List.of("Intro line here.", fence, "Outro."), contents(chunk(10, 1000, text)));
    }

    @Test
    void oversizedPipeTableIsKeptWhole() {
        String table = "| step | action |\n|---|---|\n| 1. | Run it. Then wait. |\n| 2. | Check it. Then go. |";
        String text = "Table follows. " + "\n" + table + "\nAfter it.";
        List<String> chunks = contents(chunk(10, 1000, text));
        assertTrue(chunks.contains(table), chunks.toString());
        assertEquals(List.of("Table follows.", table, "After it."), chunks);
    }

    @Test
    void firstPieceKeepsTheHeadingLineAndLaterPiecesTheirOwnLines() {
        String text = "# Doc\n\n## Entry\n> created: x\n> tags: [t]\n\nPara one is here.\n\nPara two is here.\n";
        List<Chunk> chunks = chunk(5, 5, text);
        assertEquals(List.of("Para one is here.", "Para two is here."), contents(chunks));
        assertEquals(3, chunks.get(0).startLine());
        assertEquals(7, chunks.get(0).endLine());
        assertEquals(9, chunks.get(1).startLine());
        assertEquals(9, chunks.get(1).endLine());
        chunks.forEach(c -> assertEquals(List.of("t"), c.tags()));
        chunks.forEach(c -> assertEquals(List.of("# Doc", "## Entry"), c.hierarchy()));
    }

    @Test
    void defaultLimitSplitsOnlyAbove2048Characters() {
        String sentence = "This sentence is exactly forty chars ok.";
        assertEquals(40, sentence.length());
        String body = String.join(" ", java.util.Collections.nCopies(60, sentence)); // 2459 chars, 614 tokens
        List<Chunk> chunks = new MarkdownChunker(ChunkingSettings.defaults()).chunk("n", body);
        assertEquals(2, chunks.size());
        assertEquals(49 * 41 - 1, chunks.get(0).content().length()); // 50 sentences would be 2049 characters
        assertTrue(chunks.stream().allMatch(c -> c.content().length() <= 2048));
    }
}
