package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code valid_from:} / {@code valid_to:} in frontmatter (memory-core.md §1.3), read beside the chunker. */
class FrontmatterValidityTest {
    private static final Chunkers CHUNKERS = new Chunkers(ChunkingSettings.defaults(), Set.of(".md", ".json"));
    private static final String BODY = "## Plan\n\nThe plan for the quarter, long enough to be a chunk by itself.\n";

    private static long unix(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    private static Validity read(String text, List<String> problems) {
        return Frontmatter.validity(text, problems::add);
    }

    @Test
    void validFromIsTheStartAndValidToTheLastSecondOfTheirPeriods() {
        Validity validity = read("---\nvalid_from: 2026-Q1\nvalid_to: \"2026-06-30\"\ntags: [a]\n---\n" + BODY,
                new ArrayList<>());
        assertEquals(new Validity(unix("2026-01-01T00:00:00Z"), unix("2026-06-30T23:59:59Z")), validity);
    }

    @Test
    void oneBoundAloneLeavesTheOtherOpen() {
        Validity validity = read("---\nvalid_to: '2025-Q4'\n---\n" + BODY, new ArrayList<>());
        assertNull(validity.fromUnix());
        assertEquals(unix("2025-12-31T23:59:59Z"), validity.toUnix());
    }

    @Test
    void aMalformedDateIsIgnoredAndReportedWhileABlankOneIsJustAbsent() {
        List<String> problems = new ArrayList<>();
        Validity validity = read("---\nvalid_from: next spring\nvalid_to:\n---\n" + BODY, problems);
        assertEquals(Validity.OPEN, validity);
        assertEquals(List.of("ignoring valid_from: 'next spring' is not " + ValidityPeriod.FORMATS), problems);
    }

    @Test
    void onlyALeadingLfFrontmatterBlockCounts() {
        List<String> problems = new ArrayList<>();
        assertEquals(Validity.OPEN, read("---\r\nvalid_to: 2025-01-01\r\n---\r\n" + BODY, problems));
        assertEquals(Validity.OPEN, read(BODY + "\n---\nvalid_to: 2025-01-01\n---\n", problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void theDatesStayInTheFileTextSoChunkContentAndHashesAreUntouched() {
        String dated = "---\nvalid_from: 2026-01-01\nvalid_to: 2026-Q2\n---\n" + BODY;
        Path file = Path.of("/m/plan.md");
        List<Chunk> before = CHUNKERS.chunk(file, dated);
        assertEquals(new Validity(unix("2026-01-01T00:00:00Z"), unix("2026-06-30T23:59:59Z")),
                CHUNKERS.validity(file, dated));
        assertEquals(before, CHUNKERS.chunk(file, dated));
        assertTrue(before.get(0).content().startsWith("---\nvalid_from: 2026-01-01\nvalid_to: 2026-Q2\n---\n"),
                before.get(0)::content);
    }

    @Test
    void onlyMarkdownFilesHaveValidity() {
        assertEquals(Validity.OPEN, CHUNKERS.validity(Path.of("/m/data.json"), "{\"valid_to\": \"2020-01-01\"}"));
    }
}
