package io.memtomem.core.store;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.memtomem.core.Memtomem;
import io.memtomem.core.StoreException;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database the process may read but not write (mode 0444, a read-only mount) still serves searches. */
class ReadOnlyStoreTest {
    @TempDir
    Path home;
    private Path readOnly;

    @AfterEach
    void makeWritableAgain() throws Exception {
        if (readOnly != null) {
            run("chattr", "-i", readOnly.toString());
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aReadOnlyDatabaseStillSearchesAndReportsStatsButRefusesWritesWithTheFix() throws Exception {
        MemtomemConfig config = TestStores.withNotes(home);
        write(home.resolve("notes/ops.md"), "## Ops\n\nThe wombat runbook restarts the queue.\n");
        try (Memtomem memtomem = Memtomem.open(config)) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
        }
        makeReadOnly(config.storage().sqlitePath());

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

    /** chmod for an ordinary user; root ignores permissions, so there the file is made immutable (Linux). */
    private void makeReadOnly(Path db) throws Exception {
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        readOnly = db;
        if (Files.isWritable(db)) {
            assumeTrue(run("chattr", "+i", db.toString()), "running as root without chattr: cannot make the"
                    + " database read-only");
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
