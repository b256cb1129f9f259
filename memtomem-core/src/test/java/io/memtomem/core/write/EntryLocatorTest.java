package io.memtomem.core.write;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.store.StoredChunk;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Line numbers below are 1-based in chunks and 0-based in spans. */
class EntryLocatorTest {
    private static final FileLines DAY_FILE = FileLines.of("""

            ## A

            > created: x
            > tags: ["t"]

            alpha
            alpha 2

            ## B

            > created: y

            beta
            """);

    @Test
    void chunkStartingAtItsHeadingLineFindsHeadingHeaderAndBody() {
        EntrySpan span = EntryLocator.locate(DAY_FILE, chunk("## A", 2, 8, "alpha\nalpha 2"));

        assertEquals(new EntrySpan(1, 3, 5, false, 6, 8), span);
        assertEquals(1, span.entryStart());
    }

    @Test
    void chunkStartingAtItsFirstBodyLineFindsTheSameEntry() {
        assertEquals(new EntrySpan(1, 3, 5, false, 6, 8),
                EntryLocator.locate(DAY_FILE, chunk("## A", 7, 8, "alpha\nalpha 2")));
    }

    @Test
    void untaggedHeaderIsFoundThoughTheChunkTextContainsIt() {
        assertEquals(new EntrySpan(9, 11, 12, false, 13, 14),
                EntryLocator.locate(DAY_FILE, chunk("## B", 10, 14, "> created: y\n\nbeta")));
    }

    @Test
    void headerWrittenBeforeAContentHeadingIsFound() {
        FileLines file = FileLines.of("\n## A\n\nalpha\n\n> created: x\n\n## ADR: y\n\nadr\n");

        EntrySpan span = EntryLocator.locate(file, chunk("## ADR: y", 8, 10, "adr"));

        assertEquals(new EntrySpan(7, 5, 6, true, 9, 10), span);
        assertEquals(5, span.entryStart());
    }

    @Test
    void quoteThatEndsThePreviousEntrysHeaderIsNotTakenAsALeadingHeader() {
        FileLines file = FileLines.of("## A\n\n> created: x\n\n## B\nbeta\n");

        assertEquals(new EntrySpan(4, 5, 5, false, 5, 6), EntryLocator.locate(file, chunk("## B", 5, 6, "beta")));
    }

    @Test
    void chunkStartingMidSectionHasNoHeading() {
        FileLines file = FileLines.of("## A\n\npart one\n\n> a quote\n\npart two\n");

        assertEquals(-1, EntryLocator.locate(file, chunk("## A", 7, 7, "part two")).heading());
    }

    @Test
    void spanBeyondTheEndOfTheFileIsAChange() {
        assertThrows(MemtomemException.class, () -> EntryLocator.locate(DAY_FILE, chunk("## A", 20, 22, "alpha")));
    }

    @Test
    void sameBodyUnderAnotherHeadingIsAChange() {
        FileLines file = FileLines.of("## Tuesday\n\nno meetings today\n\n## Wednesday\n\nno meetings today\n");

        assertThrows(MemtomemException.class,
                () -> EntryLocator.locate(file, chunk("## Monday", 1, 3, "no meetings today")));
    }

    @Test
    void aDeeperHeadingUnderAMergedChunksBreadcrumbIsItsOwn() {
        FileLines file = FileLines.of("## X\n\n### [[A]]\n\nshort a\n\n### B\n\nshort b\n");

        assertEquals(2, EntryLocator.locate(file, chunk("## X", 3, 9, "short a\n### B\nshort b")).heading());
        assertEquals(2, EntryLocator.locate(file, chunk("### A", 3, 5, "short a")).heading());
    }

    private static StoredChunk chunk(String heading, int startLine, int endLine, String content) {
        return new StoredChunk("c1", content, "", Path.of("/m/day.md"), List.of(heading), "default", List.of(),
                startLine, endLine, "", "", "user", null, null, null);
    }
}
