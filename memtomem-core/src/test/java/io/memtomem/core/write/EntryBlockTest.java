package io.memtomem.core.write;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.memtomem.core.write.WriterFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryBlockTest {

    @Test
    void titledEntryWithTagsMatchesTheReferenceFormatByteForByte() {
        String block = EntryBlock.format("Use pipelining.", "Redis tuning", List.of("redis", "perf"), NOW);

        assertEquals("\n## Redis tuning\n\n> created: 2026-03-30T01:02:03+00:00\n> tags: [\"redis\", \"perf\"]\n\n"
                + "Use pipelining.\n", block);
    }

    @Test
    void entryWithoutTagsHasNoTagsLine() {
        String block = EntryBlock.format("Plain note.", "Note", List.of(), NOW);

        assertEquals("\n## Note\n\n> created: 2026-03-30T01:02:03+00:00\n\nPlain note.\n", block);
    }

    @Test
    void nonAsciiTagsAreKeptAsIsAndQuotesAreJsonEscaped() {
        String block = EntryBlock.format("x", "T", List.of("성능", "café", "say \"hi\"", "back\\slash"), NOW);

        assertTrue(block.contains("> tags: [\"성능\", \"café\", \"say \\\"hi\\\"\", \"back\\\\slash\"]\n"), block);
    }

    @Test
    void untitledEntryGetsAMillisecondTimestampAndUuidHexHeading() {
        String block = EntryBlock.format("x", null, List.of(), NOW);

        assertTrue(block.matches("\n## Entry 2026-03-30T01:02:03\\.456\\+00:00 [0-9a-f]{32}\n\n"
                + "> created: 2026-03-30T01:02:03\\+00:00\n\nx\n"), block);
    }

    @Test
    void untitledHeadingsAreUniqueEvenAtTheSameInstant() {
        assertNotEquals(EntryBlock.format("x", null, List.of(), NOW), EntryBlock.format("x", null, List.of(), NOW));
    }

    @Test
    void theAutomaticHeadingsHexIsAVersion4UuidAsTheReferencesUuid4Hex() {
        for (int i = 0; i < 100; i++) {
            String hex = EntryBlock.format("x", null, List.of(), NOW).substring(40, 72);
            assertEquals('4', hex.charAt(12), hex);
            assertTrue("89ab".indexOf(hex.charAt(16)) >= 0, hex);
        }
    }

    @Test
    void timestampsArePaddedAndInUtcWhateverTheInstant() {
        Instant early = Instant.parse("0987-01-02T03:04:05.007Z");
        assertEquals("> created: 0987-01-02T03:04:05+00:00", EntryBlock.createdLine(early));
        assertTrue(EntryBlock.format("x", null, List.of(), early).startsWith("\n## Entry 0987-01-02T03:04:05.007+00:00 "));
        assertEquals("> created: 2026-12-31T23:59:59+00:00",
                EntryBlock.createdLine(Instant.parse("2026-12-31T23:59:59.999999999Z")));
    }

    @Test
    void millisecondsAreAlwaysThreeDigitsInTheAutomaticHeading() {
        String block = EntryBlock.format("x", null, List.of(), Instant.parse("2026-03-30T01:02:03Z"));

        assertTrue(block.startsWith("\n## Entry 2026-03-30T01:02:03.000+00:00 "), block);
    }

    @Test
    void contentWithItsOwnHeadingGetsOnlyTheHeaderAndTheContent() {
        String block = EntryBlock.format("## ADR: cache\n\nWe cache.", "ignored", List.of("adr"), NOW);

        assertEquals("\n> created: 2026-03-30T01:02:03+00:00\n> tags: [\"adr\"]\n\n## ADR: cache\n\nWe cache.\n", block);
    }

    @Test
    void tagsWithControlCharactersAreEscapedLikePythonJsonDumps() {
        assertEquals("> tags: [\"a\\tb\", \"c\\u0001\"]", EntryBlock.tagsLine(List.of("a\tb", "c\u0001")));
    }
}
