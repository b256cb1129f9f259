package io.memtomem.core;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.write.AddRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Memtomem instances stand in for two processes sharing one store (separate connections, separate locks). */
class MultiProcessStoreTest {
    private static final String BODY = " text that makes each section a chunk of its own in the index.".repeat(8);

    @TempDir
    Path home;

    @Test
    void twoInstancesWritingTheSameDatabaseNeverSeeDatabaseIsLocked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Memtomem first = Memtomem.open(TestStores.withNotes(home));
             Memtomem second = Memtomem.open(TestStores.withNotes(home))) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                Memtomem instance = worker % 2 == 0 ? first : second;
                int id = worker;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        instance.add(new AddRequest("entry " + id + "-" + i + " quokka", null, List.of(), null,
                                "w" + id + ".md"));
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get(120, TimeUnit.SECONDS);
            }
            assertEquals(60, first.search(SearchRequest.of("quokka").withTopK(100)).hits().size());
            assertEquals(60, second.stats().totalChunks());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void searchesKeepWorkingWhileAnotherInstanceIndexes() throws Exception {
        Path notes = home.resolve("notes");
        for (int i = 0; i < 150; i++) {
            write(notes.resolve("f" + i + ".md"), "## Note " + i + "\n\nwombat " + i + BODY + "\n");
        }
        try (Memtomem indexer = Memtomem.open(TestStores.withNotes(home));
             Memtomem reader = Memtomem.open(TestStores.withNotes(home))) {
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> indexing = pool.submit(() -> {
                    indexer.index(new IndexRequest(notes, true, false, null), null);
                    done.set(true);
                    return null;
                });
                List<Future<Integer>> searches = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    searches.add(pool.submit(() -> {
                        int runs = 0;
                        while (!done.get() || runs < 5) {
                            int hits = reader.search(SearchRequest.of("wombat").withTopK(100)).hits().size();
                            assertTrue(hits <= 100);
                            runs++;
                        }
                        return runs;
                    }));
                }
                indexing.get(120, TimeUnit.SECONDS);
                for (Future<Integer> search : searches) {
                    assertTrue(search.get(60, TimeUnit.SECONDS) >= 5);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(100, reader.search(SearchRequest.of("wombat").withTopK(100)).hits().size());
            assertEquals(150, reader.stats().totalChunks());
        }
    }
}
