package io.memtomem.core.write;

import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.index.IndexRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.memtomem.core.write.WriterFixtures.read;
import static io.memtomem.core.write.WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Files with a byte-order mark, CRLF or CR-only line breaks are indexed by heading, edited and deleted in place. */
class LineEndingsTest {
    @TempDir
    Path home;
    Memtomem memtomem;
    Path file;

    @BeforeEach
    void open() {
        memtomem = Memtomem.open(TestStores.withNotes(home));
        file = home.resolve("notes/week.md");
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    @Test
    void aHeadingAfterAByteOrderMarkIsAHeadingAndTheMarkSurvivesEditsAndDeletes() throws Exception {
        index("\ufeff## Monday\n\nmonday body\n\n## Tuesday\n\ntuesday body\n");
        assertEquals(List.of("## Monday", "## Tuesday"), headings());

        memtomem.edit(idUnder("## Tuesday"), "tuesday rewritten", null, false);
        memtomem.deleteChunk(idUnder("## Monday"));

        assertEquals("\ufeff## Tuesday\n\ntuesday rewritten\n", read(file));
        assertEquals(List.of("## Tuesday"), headings());
    }

    @Test
    void aCrlfFileIsEditedAndDeletedInCrlf() throws Exception {
        index("## Monday\r\n\r\nmonday body\r\n\r\n## Tuesday\r\n\r\ntuesday body\r\n");
        assertEquals(List.of("## Monday", "## Tuesday"), headings());

        memtomem.edit(idUnder("## Monday"), "first line\nsecond line", null, false);
        assertEquals("## Monday\r\n\r\nfirst line\r\nsecond line\r\n\r\n## Tuesday\r\n\r\ntuesday body\r\n",
                read(file));

        memtomem.deleteChunk(idUnder("## Tuesday"));
        assertEquals("## Monday\r\n\r\nfirst line\r\nsecond line\r\n", read(file));
        assertEquals(List.of("## Monday"), headings());
    }

    @Test
    void anAddToACrlfFileWritesItsBlockInCrlf() throws Exception {
        index("## Monday\r\n\r\nmonday body\r\n");

        memtomem.add(new AddRequest("one\ntwo", "Tuesday", List.of(), null, file.toString()));

        String text = read(file);
        assertFalse(text.replace("\r\n", "").contains("\n"), "a bare LF in: " + text);
        assertEquals(List.of("## Monday", "## Tuesday"), headings());
    }

    @Test
    void aCrOnlyFileIsChunkedByHeadingAndKeepsItsBreaks() throws Exception {
        index("## Monday\r\rmonday body\r\r## Tuesday\r\rtuesday body\r");
        assertEquals(List.of("## Monday", "## Tuesday"), headings());

        memtomem.edit(idUnder("## Tuesday"), "tuesday rewritten", null, false);
        memtomem.deleteChunk(idUnder("## Monday"));

        assertEquals("## Tuesday\r\rtuesday rewritten\r", read(file));
        assertEquals(List.of("## Tuesday"), headings());
    }

    private void index(String text) throws Exception {
        write(file, text);
        memtomem.index(new IndexRequest(file, false, false, null), null);
    }

    private List<String> headings() {
        return new IndexedChunks(memtomem, file).headings();
    }

    private String idUnder(String heading) {
        return new IndexedChunks(memtomem, file).idUnder(heading);
    }
}
