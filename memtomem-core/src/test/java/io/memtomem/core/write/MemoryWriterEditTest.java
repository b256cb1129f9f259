package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.NotFoundException;
import io.memtomem.core.PathOutsideMemoryDirsException;
import io.memtomem.core.store.StoredChunk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static io.memtomem.core.write.WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryWriterEditTest {
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
    void threeEntries() {
        index = new ChunkedIndex();
        writer = new MemoryWriter(config(home), index, index, CLOCK);
        writer.add(new AddRequest("alpha body", "A", List.of("redis"), null, null));
        writer.add(new AddRequest("beta body", "B", List.of(), null, null));
        file = writer.add(new AddRequest("gamma body\nsecond line", "C", List.of(), null, null)).file();
    }

    @Test
    void editReplacesOnlyTheBodyAndKeepsHeadingHeaderAndOtherEntriesByteForByte() throws Exception {
        writer.edit(chunk("## B").id(), "beta rewritten\nover two lines", null);

        assertEquals(ENTRY_A + "\n## B\n\n" + CREATED + "\nbeta rewritten\nover two lines\n" + ENTRY_C, read(file));
    }

    @Test
    void editReturnsTheIdOfTheReindexedChunk() {
        String oldId = chunk("## B").id();

        EditResult result = writer.edit(oldId, "beta rewritten", null);

        assertEquals(oldId, result.oldChunkId());
        assertEquals(file, result.file());
        assertEquals(chunk("## B").id(), result.newChunkId());
        assertNotEquals(oldId, result.newChunkId());
        assertEquals(Optional.empty(), index.find(oldId));
        assertEquals("> created: 2026-03-30T01:02:03+00:00\n\nbeta rewritten", chunk("## B").content());
    }

    @Test
    void newChunkIdIsNullWhenTheStoreCannotListAFilesChunks() {
        ChunkLocator findOnly = new ChunkLocator() {
            @Override
            public Optional<StoredChunk> find(String chunkId) {
                return index.find(chunkId);
            }

            @Override
            public Set<String> namespacesOf(Path source) {
                return index.namespacesOf(source);
            }
        };
        MemoryWriter basic = new MemoryWriter(config(home), index, findOnly, CLOCK);

        assertNull(basic.edit(chunk("## B").id(), "beta rewritten", null).newChunkId());
    }

    @Test
    void editWithTagsRewritesTheTagsLine() throws Exception {
        writer.edit(chunk("## A").id(), "alpha body", List.of("cache", "성능"));

        assertEquals("\n## A\n\n" + CREATED + "> tags: [\"cache\", \"성능\"]\n\nalpha body\n" + ENTRY_B + ENTRY_C,
                read(file));
        assertEquals(List.of("cache", "성능"), chunk("## A").tags());
    }

    @Test
    void editWithEmptyTagsRemovesTheTagsLine() throws Exception {
        writer.edit(chunk("## A").id(), "alpha body", List.of());

        assertEquals("\n## A\n\n" + CREATED + "\nalpha body\n" + ENTRY_B + ENTRY_C, read(file));
        assertEquals(List.of(), chunk("## A").tags());
    }

    @Test
    void editWithTagsAddsATagsLineAfterCreatedWhenTheEntryHadNone() throws Exception {
        writer.edit(chunk("## B").id(), "beta body", List.of("new"));

        assertEquals(ENTRY_A + "\n## B\n\n" + CREATED + "> tags: [\"new\"]\n\nbeta body\n" + ENTRY_C, read(file));
        assertEquals(List.of("new"), chunk("## B").tags());
    }

    @Test
    void contentStartingWithAHeadingReplacesTheWholeEntryAndKeepsItsHeaderInFront() throws Exception {
        EditResult result = writer.edit(chunk("## B").id(), "## B2\n\nfresh text", null);

        assertEquals(ENTRY_A + "\n" + CREATED + "\n## B2\n\nfresh text\n" + ENTRY_C, read(file));
        assertEquals(chunk("## B2").id(), result.newChunkId());
    }

    @Test
    void entryAddedWithItsOwnHeadingKeepsItsLeadingHeaderWhenItsBodyIsEdited() throws Exception {
        Path adr = writer.add(new AddRequest("## ADR: cache\n\nWe cache.", null, List.of("adr"), null, "adr.md"))
                .file();

        writer.edit(index.chunkUnder(adr, "## ADR: cache").id(), "We cache harder.", List.of("adr", "perf"));

        assertEquals("\n" + CREATED + "> tags: [\"adr\", \"perf\"]\n\n## ADR: cache\n\nWe cache harder.\n", read(adr));
    }

    @Test
    void handWrittenEntryWithoutHeaderGetsATagsBlockBetweenBlankLines() throws Exception {
        Path notes = home.resolve(".memtomem/memories/notes.md");
        write(notes, "## Todo\nbuy milk\n\n## Done\nship it\n");
        index.reindex(notes, null);

        writer.edit(index.chunkUnder(notes, "## Todo").id(), "buy oat milk", List.of("shopping"));

        assertEquals("## Todo\n\n> tags: [\"shopping\"]\n\nbuy oat milk\n\n## Done\nship it\n",
                read(notes));
        assertEquals(List.of("shopping"), index.chunkUnder(notes, "## Todo").tags());
    }

    @Test
    void tagsAreAddedUnderAHeaderThatEndsTheFileWithoutANewline() throws Exception {
        Path notes = home.resolve(".memtomem/memories/bare.md");
        write(notes, "## Bare\n\n> created: x");
        index.reindex(notes, null);

        writer.edit(index.chunkUnder(notes, "## Bare").id(), "body", List.of("t"));

        assertEquals("## Bare\n\n> created: x\n> tags: [\"t\"]\n\nbody\n", read(notes));
    }

    @Test
    void aCrlfFileKeepsCrlfEndingsOnTheEditedLinesToo() throws Exception {
        Path notes = home.resolve(".memtomem/memories/crlf.md");
        write(notes, "## One\r\nfirst\r\n\r\n## Two\r\nsecond\r\n");
        index.reindex(notes, null);

        writer.edit(index.chunkUnder(notes, "## Two").id(), "changed", null);

        assertEquals("## One\r\nfirst\r\n\r\n## Two\r\nchanged\r\n", read(notes));
    }

    @Test
    void editOfAChunkWhoseLinesChangedSinceIndexingIsRefusedAndTheFileIsLeftAlone() throws Exception {
        String id = chunk("## B").id();
        String changed = read(file).replace("beta body", "beta body edited by hand");
        Files.writeString(file, changed);

        MemtomemException e = assertThrows(MemtomemException.class, () -> writer.edit(id, "mine", null));

        assertTrue(e.getMessage().contains("changed since indexing") && e.getMessage().contains("mm index"),
                e.getMessage());
        assertEquals(changed, read(file));
    }

    @Test
    void editOfAChunkShiftedByLinesInsertedAboveIsRefused() throws Exception {
        String id = chunk("## C").id();
        Files.writeString(file, "\n## Inserted\n\nnew text\nmore\n" + read(file));

        assertThrows(MemtomemException.class, () -> writer.edit(id, "mine", null));
    }

    @Test
    void editOfAChunkWhoseFileWasDeletedSaysSo() throws Exception {
        String id = chunk("## B").id();
        Files.delete(file);

        MemtomemException e = assertThrows(MemtomemException.class, () -> writer.edit(id, "mine", null));

        assertTrue(e.getMessage().contains("no longer exists"), e.getMessage());
    }

    @Test
    void fileThatIsNotValidUtf8IsNotRewritten() throws Exception {
        Path latin = home.resolve(".memtomem/memories/latin.md");
        write(latin, "## Caf\n\nfine\n");
        index.reindex(latin, null);
        String id = index.chunkUnder(latin, "## Caf").id();
        byte[] bytes = {'#', '#', ' ', 'C', 'a', 'f', '\n', '\n', 'f', 'i', 'n', 'e', (byte) 0xE9, '\n'};
        Files.write(latin, bytes);

        MemtomemException e = assertThrows(MemtomemException.class, () -> writer.edit(id, "mine", null));

        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertEquals(bytes.length, Files.size(latin));
    }

    @Test
    void unknownChunkIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> writer.edit("00000000-0000-4000-8000-000000000000", "x", null));

        assertEquals("Chunk 00000000-0000-4000-8000-000000000000 not found.", e.getMessage());
    }

    @Test
    void invalidEditInputIsRefusedNamingTheParameter() {
        String id = chunk("## B").id();

        assertEquals("new_content", assertThrows(InvalidInputException.class,
                () -> writer.edit(id, " ", null)).parameter());
        assertEquals("tags", assertThrows(InvalidInputException.class,
                () -> writer.edit(id, "x", List.of("a,b"))).parameter());
        assertEquals("chunk_id", assertThrows(InvalidInputException.class,
                () -> writer.edit("", "x", null)).parameter());
    }

    @Test
    void chunkIndexedFromOutsideTheMemoryDirsIsNotEdited() throws Exception {
        Path outside = home.resolve("project/README.md");
        write(outside, "## Readme\n\ntext\n");
        index.reindex(outside, null);

        assertThrows(PathOutsideMemoryDirsException.class,
                () -> writer.edit(index.chunkUnder(outside, "## Readme").id(), "x", null));
        assertEquals("## Readme\n\ntext\n", read(outside));
    }

    @Test
    void editIsAtomicAndKeepsTheFilesPermissions() throws Exception {
        var mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, mode);

        writer.edit(chunk("## B").id(), "x", null);

        assertEquals(mode, Files.getPosixFilePermissions(file));
        try (var siblings = Files.list(file.getParent())) {
            assertEquals(List.of(".2026-03-30.md.lock", "2026-03-30.md"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void chunkWhoseStartLineIsItsFirstBodyLineIsEditedTheSameWay() throws Exception {
        StoredChunk a = chunk("## A");
        // a chunker that reports the first body line (after heading and stripped header) instead of the heading line
        StoredChunk bodyFirst = new StoredChunk(a.id(), a.content(), a.contentHash(), a.source(), a.hierarchy(),
                a.namespace(), a.tags(), a.startLine() + 5, a.endLine(), "", "", a.scope(), null, null, null);
        ChunkLocator locator = new ChunkLocator() {
            @Override
            public Optional<StoredChunk> find(String chunkId) {
                return Optional.of(bodyFirst);
            }

            @Override
            public Set<String> namespacesOf(Path source) {
                return Set.of();
            }
        };
        assertEquals("alpha body", read(file).lines().toList().get(bodyFirst.startLine() - 1));

        new MemoryWriter(config(home), index, locator, CLOCK).edit(a.id(), "alpha again", List.of("t"));

        assertEquals("\n## A\n\n" + CREATED + "> tags: [\"t\"]\n\nalpha again\n" + ENTRY_B + ENTRY_C, read(file));
    }

    private StoredChunk chunk(String heading) {
        StoredChunk chunk = index.chunkUnder(file, heading);
        assertNotNull(chunk);
        return chunk;
    }
}
