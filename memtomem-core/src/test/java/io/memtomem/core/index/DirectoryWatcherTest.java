package io.memtomem.core.index;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {
    private static final String BODY = " enough words to be a chunk on its own in the watcher test.".repeat(10);
    private static final Duration DEBOUNCE = Duration.ofMillis(300);

    @TempDir
    Path home;
    Path notes;
    Database database;
    ChunkStore store;
    DirectoryWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        notes = home.resolve("notes");
        Files.createDirectories(notes.resolve("existing"));
        MemtomemConfig config = TestStores.withNotes(home);
        database = Database.open(config.storage().sqlitePath());
        store = new ChunkStore(database);
        watcher = DirectoryWatcher.start(new Indexer(config, database, Clock.systemUTC()), store, List.of(notes),
                DEBOUNCE);
    }

    @AfterEach
    void stop() {
        watcher.close();
        database.close();
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        eventually(condition, what, Duration.ofSeconds(15));
    }

    private static void eventually(BooleanSupplier condition, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    private List<String> sources() {
        return store.sources();
    }

    @Test
    void createdModifiedAndDeletedFilesAreReflectedInTheIndex() throws Exception {
        Path file = write(notes.resolve("existing/a.md"), "## One\n\nfirst" + BODY + "\n");
        eventually(() -> sources().contains(file.toString()), "the new file is indexed");
        write(file, "## One\n\nfirst" + BODY + "\n\n## Two\n\nsecond" + BODY + "\n");
        eventually(() -> store.chunksOf(file.toString()).size() == 2, "the modification is indexed");
        Files.delete(file);
        eventually(() -> sources().isEmpty(), "the deleted file's chunks are removed");
    }

    @Test
    void filesInNewSubdirectoriesAreWatchedToo() throws Exception {
        Path dir = Files.createDirectories(notes.resolve("new/deeper"));
        Thread.sleep(DEBOUNCE.toMillis());
        Path file = write(dir.resolve("b.md"), "## Deep\n\ndeep" + BODY + "\n");
        eventually(() -> sources().contains(file.toString()), "a file in a new directory is indexed");
    }

    @Test
    void aMoveRemovesTheOldPathAndIndexesTheNewOne() throws Exception {
        Path file = write(notes.resolve("existing/old.md"), "## Move\n\nmoving" + BODY + "\n");
        eventually(() -> sources().contains(file.toString()), "the file is indexed");
        Path moved = Files.move(file, notes.resolve("existing/new.md"));
        eventually(() -> sources().equals(List.of(moved.toString())), "only the new path is indexed");
    }

    @Test
    void aDeletedDirectoryPurgesTheSourcesUnderIt() throws Exception {
        Path file = write(notes.resolve("existing/gone.md"), "## Gone\n\ngone" + BODY + "\n");
        eventually(() -> sources().contains(file.toString()), "the file is indexed");
        Files.delete(file);
        Files.delete(notes.resolve("existing"));
        eventually(() -> sources().isEmpty(), "chunks under the deleted directory are removed");
    }

    @Test
    void aSymlinkToAFileOutsideTheMemoryDirsIsNotFollowed() throws Exception {
        Path outside = write(home.resolve("outside/secret-plans.md"), "## Outside\n\noutside" + BODY + "\n");
        Files.createSymbolicLink(notes.resolve("existing/link.md"), outside);
        Path inside = write(notes.resolve("existing/inside.md"), "## Inside\n\ninside" + BODY + "\n");
        eventually(() -> sources().contains(inside.toString()), "the file inside is indexed");
        Thread.sleep(DEBOUNCE.toMillis() * 2);
        assertEquals(List.of(inside.toString()), sources());
    }

    @Test
    void threeThousandFilesWrittenAtOnceAreAllIndexedThroughARescan() throws Exception {
        int files = 3 * DirectoryWatcher.MAX_PENDING;
        for (int i = 0; i < files; i++) {
            write(notes.resolve("existing/sync-" + i + ".md"), "## Synced " + i + "\n\nsynced note " + i + "\n");
        }
        eventually(() -> sources().size() == files, "all " + files + " files are indexed", Duration.ofMinutes(2));
        eventually(() -> !watcher.report().rescannedDirs().isEmpty(), "the rescan is reported");
        WatcherReport report = watcher.report();
        assertTrue(report.overflows() >= 1, report.toString());
        assertEquals(List.of(notes.toRealPath()), report.rescannedDirs());
        assertFalse(report.rescanPending());
    }

    @Test
    void unsupportedAndExcludedFilesAreIgnored() throws Exception {
        write(notes.resolve("existing/image.png"), "png");
        write(notes.resolve("existing/credentials.json"), "{\"k\": 1}");
        Path kept = write(notes.resolve("existing/kept.md"), "## Kept\n\nkept" + BODY + "\n");
        eventually(() -> sources().contains(kept.toString()), "the markdown file is indexed");
        assertEquals(List.of(kept.toString()), sources());
        assertTrue(watcher != null);
    }

    @Test
    void aMemoryDirCreatedAfterStartIsWatchedOnceItAppears() throws Exception {
        Path later = home.resolve("later");
        MemtomemConfig config = TestStores.withNotes(home);
        try (DirectoryWatcher lateWatcher = DirectoryWatcher.start(new Indexer(config, database, Clock.systemUTC()),
                store, List.of(later), DEBOUNCE)) {
            Path file = write(Files.createDirectories(later).resolve("first.md"), "## First\n\nfirst" + BODY + "\n");
            eventually(() -> sources().contains(file.toString()), "a file in the late memory dir is indexed");
        }
    }
}
