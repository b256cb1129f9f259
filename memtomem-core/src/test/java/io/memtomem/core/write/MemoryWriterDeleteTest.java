package io.memtomem.core.write;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static io.memtomem.core.write.WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryWriterDeleteTest {
    private static final String CREATED = "> created: 2026-03-30T01:02:03+00:00\n";
    private static final String ENTRY_A = "\n## A\n\n" + CREATED + "> tags: [\"redis\"]\n\nalpha body\n";
    private static final String ENTRY_B = "\n## B\n\n" + CREATED + "\nbeta body\n";
    private static final String ENTRY_C = "\n## C\n\n" + CREATED + "\ngamma body\nsecond line\n";

    @TempDir
    Path home;
    ChunkedIndex index;
    MemoryWriter writer;
    Path file;

    @BeforeEach
    void threeEntries() throws Exception {
        index = new ChunkedIndex();
        writer = new MemoryWriter(config(home), index, index, CLOCK);
        writer.add(new AddRequest("alpha body", "A", List.of("redis"), null, null));
        writer.add(new AddRequest("beta body", "B", List.of(), null, null));
        file = writer.add(new AddRequest("gamma body\nsecond line", "C", List.of(), null, null)).file();
        assertEquals(ENTRY_A + ENTRY_B + ENTRY_C, read(file));
    }

    @Test
    void deletingAMiddleEntryLeavesTheFileAsIfItWasNeverAdded() throws Exception {
        String id = index.chunkUnder(file, "## B").id();

        DeleteResult result = writer.delete(id);

        assertEquals(new DeleteResult(id, file, 6, null), result);
        assertEquals(ENTRY_A + ENTRY_C, read(file));
        assertEquals(Optional.empty(), index.find(id));
        assertEquals(2, index.chunksOf(file).size());
    }

    @Test
    void deletingTheFirstOrLastEntryKeepsTheOthersByteForByte() throws Exception {
        writer.delete(index.chunkUnder(file, "## A").id());
        assertEquals(ENTRY_B + ENTRY_C, read(file));

        writer.delete(index.chunkUnder(file, "## C").id());
        assertEquals(ENTRY_B, read(file));

        writer.delete(index.chunkUnder(file, "## B").id());
        assertEquals("", read(file));
        assertEquals(List.of(), index.chunksOf(file));
    }

    @Test
    void deletingAnEntryAddedWithItsOwnHeadingRemovesItsLeadingHeaderToo() throws Exception {
        writer.add(new AddRequest("## ADR: cache\n\nWe cache.", null, List.of("adr"), null, null));

        writer.delete(index.chunkUnder(file, "## ADR: cache").id());

        assertEquals(ENTRY_A + ENTRY_B + ENTRY_C, read(file));
    }

    @Test
    void handWrittenEntryIsRemovedWithTheBlankLineThatSeparatedIt() throws Exception {
        Path notes = home.resolve(".memtomem/memories/notes.md");
        write(notes, "## Todo\nbuy milk\n\n## Done\nship it");
        index.reindex(notes, null);

        assertEquals(3, writer.delete(index.chunkUnder(notes, "## Todo").id()).linesRemoved());
        assertEquals("## Done\nship it", read(notes));
    }

    @Test
    void deleteOfAChunkWhoseLinesChangedSinceIndexingIsRefused() throws Exception {
        String id = index.chunkUnder(file, "## B").id();
        String changed = read(file).replace("beta body", "rewritten by hand");
        Files.writeString(file, changed);

        MemtomemException e = assertThrows(MemtomemException.class, () -> writer.delete(id));

        assertTrue(e.getMessage().contains("changed since indexing"), e.getMessage());
        assertEquals(changed, read(file));
    }

    @Test
    void unknownChunkIsNotFound() {
        assertThrows(NotFoundException.class, () -> writer.delete("00000000-0000-4000-8000-000000000000"));
    }
}
