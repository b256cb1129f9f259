package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.store.StoredChunk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries the real chunker splits into several chunks. */
class LongEntryEditTest {
    private static final String CREATED = "> created: 2026-03-30T01:02:03+00:00\n";

    @TempDir
    Path home;
    ChunkedIndex index;
    MemoryWriter writer;

    @BeforeEach
    void setUp() {
        index = new ChunkedIndex();
        writer = new MemoryWriter(config(home), index, index, CLOCK);
    }

    @Test
    void laterPieceOfAParagraphSplitEntryIsReplacedAloneAndTheHeadingPieceIsKept() throws Exception {
        List<String> paragraphs = IntStream.rangeClosed(1, 4).mapToObj(LongEntryEditTest::paragraph).toList();
        Path file = writer.add(new AddRequest(String.join("\n\n", paragraphs), "Long", List.of(), null, null)).file();
        writer.add(new AddRequest("after", "Next", List.of(), null, null));
        List<StoredChunk> pieces = piecesOf(file, "## Long");
        assertEquals(2, pieces.size(), "fixture: the entry must be split in two");

        writer.edit(pieces.get(1).id(), "short ending", null);

        String expected = "\n## Long\n\n" + CREATED + "\n" + paragraphs.get(0) + "\n\n" + paragraphs.get(1) + "\n\n"
                + "short ending\n\n## Next\n\n" + CREATED + "\nafter\n";
        assertEquals(expected, read(file));
    }

    @Test
    void tagsCannotBeChangedThroughAPieceThatStartsMidSection() {
        String content = IntStream.rangeClosed(1, 4).mapToObj(LongEntryEditTest::paragraph)
                .collect(Collectors.joining("\n\n"));
        Path file = writer.add(new AddRequest(content, "Long", List.of(), null, null)).file();
        writer.add(new AddRequest("after", "Next", List.of(), null, null));
        StoredChunk second = piecesOf(file, "## Long").get(1);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.edit(second.id(), "x", List.of("t")));

        assertEquals("tags", e.parameter());
    }

    @Test
    void deletingTheHeadingPieceOfASplitEntryKeepsTheLaterPiece() throws Exception {
        List<String> paragraphs = IntStream.rangeClosed(1, 4).mapToObj(LongEntryEditTest::paragraph).toList();
        Path file = writer.add(new AddRequest(String.join("\n\n", paragraphs), "Long", List.of(), null, null)).file();
        writer.add(new AddRequest("after", "Next", List.of(), null, null));

        writer.delete(piecesOf(file, "## Long").get(0).id());

        assertEquals("\n" + paragraphs.get(2) + "\n\n" + paragraphs.get(3) + "\n\n## Next\n\n" + CREATED + "\nafter\n",
                read(file));
    }

    @Test
    void pieceSharingALineWithItsNeighbourIsNotRewritten() throws Exception {
        String sentences = IntStream.rangeClosed(1, 45).mapToObj(i -> "Sentence number " + i
                + " talks about caching layers in some detail.").collect(Collectors.joining(" "));
        Path file = writer.add(new AddRequest(sentences, "One line", List.of(), null, null)).file();
        writer.add(new AddRequest("after", "Next", List.of(), null, null));
        List<StoredChunk> pieces = piecesOf(file, "## One line");
        assertEquals(2, pieces.size(), "fixture: the line must be split in two");
        assertEquals(pieces.get(0).endLine(), pieces.get(1).startLine(), "fixture: the pieces must share a line");
        String before = read(file);

        MemtomemException e = assertThrows(MemtomemException.class, () -> writer.edit(pieces.get(1).id(), "x", null));

        assertTrue(e.getMessage().contains("split in the middle of a line"), e.getMessage());
        assertEquals(before, read(file));
    }

    private List<StoredChunk> piecesOf(Path file, String heading) {
        return index.chunksOf(file).stream()
                .filter(c -> c.hierarchy().equals(List.of(heading)))
                .sorted(Comparator.comparingInt(StoredChunk::startLine))
                .toList();
    }

    /** About 900 characters of prose on one line. */
    private static String paragraph(int n) {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> "Paragraph " + n + " sentence " + i + " explains the cache.")
                .collect(Collectors.joining(" "));
    }
}
