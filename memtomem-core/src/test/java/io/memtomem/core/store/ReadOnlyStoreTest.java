package io.memtomem.core.store;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.Memtomem;
import io.memtomem.core.StoreException;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A database the process may read but not write (mode 0444, a read-only mount) still serves searches. */
class ReadOnlyStoreTest {
    @TempDir
    Path home;
    @RegisterExtension
    final ReadOnlyFiles readOnlyFiles = new ReadOnlyFiles();

    @Test
    void aReadOnlyDatabaseStillSearchesAndReportsStatsButRefusesWritesWithTheFix() throws Exception {
        MemtomemConfig config = TestStores.withNotes(home);
        write(home.resolve("notes/ops.md"), "## Ops\n\nThe wombat runbook restarts the queue.\n");
        try (Memtomem memtomem = Memtomem.open(config)) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
        }
        readOnlyFiles.makeReadOnly(config.storage().sqlitePath());

        try (Memtomem memtomem = Memtomem.open(config)) {
            assertEquals(1, memtomem.search(SearchRequest.of("wombat")).hits().size());
            assertEquals(1, memtomem.stats().totalSources());
            write(home.resolve("notes/new.md"), "## New\n\nA note written since.\n");
            StoreException refused = assertThrows(StoreException.class,
                    () -> memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null));
            assertTrue(refused.getMessage().contains("is read-only"), refused.getMessage());
            assertTrue(refused.getMessage().contains("searching works"), refused.getMessage());
        }
    }
}
