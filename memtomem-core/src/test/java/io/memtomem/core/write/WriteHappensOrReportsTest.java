package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write either happens or reports that it did: bad input is refused before any byte is written, and once the bytes
 * are on disk the answer is a success (with an "index pending" note when indexing failed), so a host that retries
 * failed calls never writes an entry twice.
 */
class WriteHappensOrReportsTest {
    @TempDir
    Path home;
    Path dayFile;
    ChunkedIndex index;
    /** While set, re-indexing fails the way a busy database does. */
    final AtomicBoolean indexFails = new AtomicBoolean();
    MemoryWriter writer;

    @BeforeEach
    void writer() {
        dayFile = home.resolve(".memtomem/memories/2026-03-30.md");
        index = new ChunkedIndex();
        FileReindexer flaky = (file, namespace, forceUnsafe, retired) -> {
            if (indexFails.get()) {
                throw new MemtomemException("database is locked after 120 s");
            }
            return index.reindex(file, namespace, forceUnsafe, retired);
        };
        writer = new MemoryWriter(config(home), flaky, index, CLOCK);
    }

    @Test
    void contentWithANulByteIsRefusedBeforeAnythingIsWritten() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("before\0after", "T", List.of(), null, null)));

        assertEquals("content", refused.parameter());
        assertContains(refused.getMessage(), "U+0000", "nothing was written");
        assertFalse(Files.exists(dayFile));
    }

    @Test
    void otherControlCharactersAreRefusedInContentTitleTagsAndEditsButTabsAndLineBreaksPass() throws Exception {
        assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("bell\u0007", "T", List.of(), null, null)));
        assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("body", "esc\u001b", List.of(), null, null)));
        assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("body", "T", List.of("t\u0001"), null, null)));
        assertThrows(InvalidInputException.class, () -> writer.add(new AddRequest(
                "{\"title\": \"x\", \"decision\": \"a\\u0000b\"}", null, List.of(), null, null, "decision", null)));
        assertFalse(Files.exists(dayFile));

        writer.add(new AddRequest("tab\there\r\nnext line", "T", List.of(), null, null));
        String id = index.chunkUnder(dayFile, "## T").id();
        assertThrows(InvalidInputException.class, () -> writer.edit(id, "nul\0", null));
        assertContains(read(dayFile), "tab\there\r\nnext line");
    }

    @Test
    void anAppendThatWouldPassTheSizeLimitIsRefusedBeforeWriting() throws Exception {
        Files.createDirectories(dayFile.getParent());
        long almostFull = FileReindexer.MAX_FILE_BYTES - 10;
        try (RandomAccessFile file = new RandomAccessFile(dayFile.toFile(), "rw")) {
            file.setLength(almostFull);
        }

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("one entry too many", "T", List.of(), null, null)));

        assertContains(refused.getMessage(), "10 MB", "nothing was written");
        assertEquals(almostFull, Files.size(dayFile));
    }

    @Test
    void anAddWhoseIndexingFailsIsASuccessWithAnIndexPendingNoteAndIsWrittenOnce() throws Exception {
        indexFails.set(true);

        AddResult result = writer.add(new AddRequest("kept body", "Kept", List.of(), null, null));

        assertContains(result.indexPending(), "index pending", "database is locked", "mm index");
        assertEquals(1, read(dayFile).split("kept body", -1).length - 1);

        indexFails.set(false);
        assertNull(writer.add(new AddRequest("next body", "Next", List.of(), null, null)).indexPending());
        assertEquals(2, index.chunksOf(dayFile).size()); // the next indexing catches up with the pending entry
    }

    @Test
    void aDeleteOrEditWhoseIndexingFailsIsASuccessWithAnIndexPendingNote() throws Exception {
        writer.add(new AddRequest("alpha body", "A", List.of(), null, null));
        writer.add(new AddRequest("beta body", "B", List.of(), null, null));
        String alpha = index.chunkUnder(dayFile, "## A").id();
        String beta = index.chunkUnder(dayFile, "## B").id();
        indexFails.set(true);

        EditResult edited = writer.edit(alpha, "alpha rewritten", null);
        DeleteResult deleted = writer.delete(beta);

        assertContains(edited.indexPending(), "index pending");
        assertNull(edited.newChunkId());
        assertContains(deleted.indexPending(), "index pending");
        assertContains(read(dayFile), "alpha rewritten");
        assertFalse(read(dayFile).contains("beta body"));
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text != null && text.contains(part), () -> "expected \"" + part + "\" in: " + text);
        }
    }
}
