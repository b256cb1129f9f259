package io.memtomem.core.write;

import io.memtomem.core.Memtomem;
import io.memtomem.core.NotFoundException;
import io.memtomem.core.TestStores;
import io.memtomem.core.index.IndexRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.memtomem.core.write.WriterFixtures.read;
import static io.memtomem.core.write.WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chunk id names one entry, its heading path and place, not only its body: sections with identical bodies must never
 * stand in for each other when one of them is deleted or edited, retried, or raced.
 */
class ChunkIdentityTest {
    private static final String MONDAY = "## Monday\n\nno meetings today\n";
    private static final String TUESDAY = "## Tuesday\n\nno meetings today\n";
    private static final String WEDNESDAY = "## Wednesday\n\nno meetings today\n";

    @TempDir
    Path home;
    Memtomem memtomem;
    Path file;

    @BeforeEach
    void week() throws Exception {
        memtomem = Memtomem.open(TestStores.withNotes(home));
        file = home.resolve("notes/week.md");
        write(file, MONDAY + "\n" + TUESDAY + "\n" + WEDNESDAY);
        memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    @Test
    void deletingOneIdThreeTimesDeletesOnlyItsEntryAndThenAnswersNotFound() throws Exception {
        String monday = idUnder("## Monday");

        memtomem.deleteChunk(monday);
        assertThrows(NotFoundException.class, () -> memtomem.deleteChunk(monday));
        assertThrows(NotFoundException.class, () -> memtomem.deleteChunk(monday));

        assertEquals(TUESDAY + "\n" + WEDNESDAY, read(file));
        assertEquals(List.of("## Tuesday", "## Wednesday"), headings());
    }

    @Test
    void reindexingAfterADeleteNeverHandsTheDeletedIdToAnotherHeading() throws Exception {
        String monday = idUnder("## Monday");
        String tuesday = idUnder("## Tuesday");
        String wednesday = idUnder("## Wednesday");

        memtomem.deleteChunk(monday);

        assertEquals(tuesday, idUnder("## Tuesday"));
        assertEquals(wednesday, idUnder("## Wednesday"));
        assertTrue(memtomem.read(monday).isEmpty());
    }

    @Test
    void anExternalDeleteFollowedByReindexDoesNotPassTheIdOn() throws Exception {
        String monday = idUnder("## Monday");
        String tuesday = idUnder("## Tuesday");

        write(file, TUESDAY + "\n" + WEDNESDAY);
        memtomem.index(new IndexRequest(file, false, false, null), null);

        assertTrue(memtomem.read(monday).isEmpty());
        assertEquals(tuesday, idUnder("## Tuesday"));
    }

    @Test
    void editingAnIdWhoseEntryWasDeletedAnswersNotFoundAndChangesNothing() throws Exception {
        String monday = idUnder("## Monday");
        memtomem.deleteChunk(monday);
        String before = read(file);

        assertThrows(NotFoundException.class, () -> memtomem.edit(monday, "Monday's edit", null, false));

        assertEquals(before, read(file));
    }

    @Test
    void aSecondEditOfTheSameIdAnswersNotFound() throws Exception {
        String monday = idUnder("## Monday");
        EditResult edited = memtomem.edit(monday, "one meeting at ten", null, false);

        assertThrows(NotFoundException.class, () -> memtomem.edit(monday, "two meetings", null, false));

        assertNotEquals(monday, edited.newChunkId());
        assertEquals("## Monday\n\none meeting at ten\n\n" + TUESDAY + "\n" + WEDNESDAY, read(file));
    }

    @Test
    void aStaleIndexDoesNotLetADeleteHitTheEntryThatMovedIntoItsLines() throws Exception {
        String monday = idUnder("## Monday");
        write(file, TUESDAY + "\n" + WEDNESDAY); // removed by hand, not re-indexed yet

        assertThrows(RuntimeException.class, () -> memtomem.deleteChunk(monday));

        assertEquals(TUESDAY + "\n" + WEDNESDAY, read(file));
    }

    @Test
    void concurrentDeletesAndEditsOfOneIdLetExactlyOneSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            write(file, MONDAY + "\n" + TUESDAY + "\n" + WEDNESDAY);
            memtomem.index(new IndexRequest(file, false, false, null), null);
            String monday = idUnder("## Monday");
            List<Callable<Object>> calls = List.of(
                    () -> memtomem.deleteChunk(monday),
                    () -> memtomem.deleteChunk(monday),
                    () -> memtomem.edit(monday, "Monday's edit", null, false));
            int succeeded = race(calls);

            assertEquals(1, succeeded, "round " + round);
            String text = read(file);
            assertTrue(text.endsWith(TUESDAY + "\n" + WEDNESDAY), text);
            assertTrue(text.equals(TUESDAY + "\n" + WEDNESDAY)
                    || text.equals("## Monday\n\nMonday's edit\n\n" + TUESDAY + "\n" + WEDNESDAY), text);
        }
    }

    private static int race(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Object> call : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        call.call();
                        return true;
                    } catch (NotFoundException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }
            return succeeded;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> headings() {
        return new IndexedChunks(memtomem, file).headings();
    }

    private String idUnder(String heading) {
        return new IndexedChunks(memtomem, file).idUnder(heading);
    }
}
