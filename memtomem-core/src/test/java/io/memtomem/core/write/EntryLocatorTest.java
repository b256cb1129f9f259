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
        EntrySpan span = EntryLocator.locate(DAY_FILE, chunk(2, 8, "alpha\nalpha 2"));

        assertEquals(new EntrySpan(1, 3, 5, false, 6, 8), span);
        assertEquals(1, span.entryStart());
    }

    @Test
    void chunkStartingAtItsFirstBodyLineFindsTheSameEntry() {
        assertEquals(new EntrySpan(1, 3, 5, false, 6, 8),
                EntryLocator.locate(DAY_FILE, chunk(7, 8, "alpha\nalpha 2")));
    }

    @Test
    void untaggedHeaderIsFoundThoughTheChunkTextContainsIt() {
        assertEquals(new EntrySpan(9, 11, 12, false, 13, 14),
                EntryLocator.locate(DAY_FILE, chunk(10, 14, "> created: y\n\nbeta")));
    }

    @Test
    void headerWrittenBeforeAContentHeadingIsFound() {
        FileLines file = FileLines.of("\n## A\n\nalpha\n\n> created: x\n\n## ADR: y\n\nadr\n");

        EntrySpan span = EntryLocator.locate(file, chunk(8, 10, "adr"));

        assertEquals(new EntrySpan(7, 5, 6, true, 9, 10), span);
        assertEquals(5, span.entryStart());
    }

    @Test
    void quoteThatEndsThePreviousEntrysHeaderIsNotTakenAsALeadingHeader() {
        FileLines file = FileLines.of("## A\n\n> created: x\n\n## B\nbeta\n");

        assertEquals(new EntrySpan(4, 5, 5, false, 5, 6), EntryLocator.locate(file, chunk(5, 6, "beta")));
    }

    @Test
    void chunkStartingMidSectionHasNoHeading() {
        FileLines file = FileLines.of("## A\n\npart one\n\n> a quote\n\npart two\n");

        assertEquals(-1, EntryLocator.locate(file, chunk(7, 7, "part two")).heading());
    }

    @Test
    void spanBeyondTheEndOfTheFileIsAChange() {
        assertThrows(MemtomemException.class, () -> EntryLocator.locate(DAY_FILE, chunk(20, 22, "alpha")));
    }

    private static StoredChunk chunk(int startLine, int endLine, String content) {
        return new StoredChunk("c1", content, "", Path.of("/m/day.md"), List.of(), "default", List.of(),
                startLine, endLine, "", "", "user", null, null, null);
    }
}
