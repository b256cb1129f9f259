package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("store/memtomem.db");
    }

    private static Set<String> column(Database database, String sql) {
        return database.read("test", session -> {
            Set<String> values = new HashSet<>();
            try (ResultSet row = session.prepare(sql).executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        });
    }

    @Test
    void openCreatesPrivateDirectoryAndOwnerOnlyDatabaseInWalMode() throws Exception {
        try (Database database = Database.open(db())) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db().getParent())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db())));
            assertEquals(Set.of("wal"), column(database, "PRAGMA journal_mode"));
        }
    }

    @Test
    void schemaHasEveryChunkColumnTheUniqueIndexFtsAndMeta() {
        try (Database database = Database.open(db())) {
            Set<String> columns = column(database, "SELECT name FROM pragma_table_info('chunks')");
            assertTrue(columns.containsAll(List.of("id", "content", "content_hash", "source_file", "heading_hierarchy",
                    "chunk_type", "start_line", "end_line", "language", "tags", "namespace", "created_at",
                    "updated_at", "access_count", "use_count", "last_accessed_at", "importance_score",
                    "overlap_before", "overlap_after", "valid_from_unix", "valid_to_unix", "scope",
                    "project_root")), columns.toString());
            Set<String> objects = column(database, "SELECT name FROM sqlite_master");
            assertTrue(objects.containsAll(List.of("chunks_fts", "_memtomem_meta", "idx_chunks_unique_content",
                    "idx_chunks_source", "idx_chunks_hash", "idx_chunks_namespace", "idx_chunks_created",
                    "idx_chunks_access", "idx_chunks_importance", "idx_chunks_scope", "idx_chunks_project_root")),
                    objects.toString());
            assertEquals(Set.of("1"), column(database,
                    "SELECT value FROM _memtomem_meta WHERE key = 'schema_version'"));
        }
    }

    @Test
    void reopeningIsIdempotent() {
        Database.open(db()).close();
        try (Database database = Database.open(db())) {
            assertEquals(Set.of("1"), column(database, "SELECT count(*) FROM _memtomem_meta"));
        }
    }

    @Test
    void newerSchemaVersionIsRefusedAndTheFileIsLeftUntouched() throws Exception {
        try (Database database = Database.open(db())) {
            database.write("test", session -> {
                session.execute("UPDATE _memtomem_meta SET value = '2' WHERE key = 'schema_version'");
                return null;
            });
        }
        byte[] before = Files.readAllBytes(db());
        StoreException error = assertThrows(StoreException.class, () -> Database.open(db()));
        assertTrue(error.getMessage().contains("schema version 2"), error.getMessage());
        assertTrue(error.getMessage().contains("Upgrade memtomem"), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db()));
    }

    @Test
    void olderFileGainsMissingColumnsAndDuplicatesAreDroppedForTheUniqueIndex() throws Exception {
        Files.createDirectories(db().getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chunks (id TEXT PRIMARY KEY, content TEXT NOT NULL,"
                    + " content_hash TEXT NOT NULL, source_file TEXT NOT NULL)");
            statement.execute("INSERT INTO chunks VALUES ('a', 'x', 'h', '/f.md'), ('b', 'x', 'h', '/f.md')");
        }
        try (Database database = Database.open(db())) {
            assertTrue(column(database, "SELECT name FROM pragma_table_info('chunks')").contains("project_root"));
            assertEquals(Set.of("a"), column(database, "SELECT id FROM chunks"));
        }
    }

    @Test
    void openingACurrentStoreWaitsForNoWriter() throws Exception {
        Database.open(db()).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO _memtomem_meta(key, value) VALUES ('held', '1')");
            // another process's write transaction: a search or status opening the store must not queue behind it
            try (Database database = Database.open(db(), Duration.ofMillis(200))) {
                assertEquals(Set.of("0"), column(database, "SELECT count(*) FROM _memtomem_meta WHERE key = 'held'"));
            }
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearStoreError() throws Exception {
        Files.createDirectories(db().getParent());
        Files.writeString(db(), "this is not sqlite, just some text that is long enough to look like a header..");
        StoreException error = assertThrows(StoreException.class, () -> Database.open(db()));
        assertTrue(error.getMessage().contains("not a SQLite database"), error.getMessage());
    }

    @Test
    void closeTruncatesTheWal() throws Exception {
        try (Database database = Database.open(db())) {
            database.write("test", session -> {
                session.execute("INSERT INTO _memtomem_meta(key, value) VALUES ('k', 'v')");
                return null;
            });
        }
        Path wal = db().resolveSibling("memtomem.db-wal");
        assertTrue(!Files.exists(wal) || Files.size(wal) == 0);
    }

    @Test
    void readersDoNotWaitForAnOpenWriteTransaction() throws Exception {
        try (Database database = Database.open(db())) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread writer = new Thread(() -> database.write("slow write", session -> {
                session.execute("INSERT INTO _memtomem_meta(key, value) VALUES ('slow', '1')");
                inside.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            writer.start();
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            long started = System.nanoTime();
            assertEquals(Set.of("0"), column(database, "SELECT count(*) FROM _memtomem_meta WHERE key = 'slow'"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1000);
            release.countDown();
            writer.join();
            assertEquals(Set.of("1"), column(database, "SELECT count(*) FROM _memtomem_meta WHERE key = 'slow'"));
        }
    }

    @Test
    void aFailedTransactionIsRolledBack() {
        try (Database database = Database.open(db())) {
            assertThrows(StoreException.class, () -> database.write("failing", session -> {
                session.execute("INSERT INTO _memtomem_meta(key, value) VALUES ('half', '1')");
                session.execute("INSERT INTO no_such_table VALUES (1)");
                return null;
            }));
            assertEquals(Set.of("0"), column(database, "SELECT count(*) FROM _memtomem_meta WHERE key = 'half'"));
        }
    }

    @Test
    void closedDatabaseRefusesWorkWithAClearMessage() {
        Database database = Database.open(db());
        database.close();
        StoreException error = assertThrows(StoreException.class, () -> column(database, "SELECT 1"));
        assertTrue(error.getMessage().contains("closed"));
    }

    private static int checkpointInterval(Database database) {
        return database.write("reading the checkpoint interval", session -> {
            try (ResultSet row = session.prepare("PRAGMA wal_autocheckpoint").executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        });
    }

    @Test
    void aBulkRunCheckpointsLessOftenAndRestoresTheIntervalEvenWhenItFails() {
        try (Database database = Database.open(db())) {
            assertEquals(1000, checkpointInterval(database));
            int nested = database.bulk(() -> database.bulk(() -> checkpointInterval(database)));
            assertEquals(16_384, nested);
            assertEquals(1000, checkpointInterval(database));
            assertThrows(IllegalStateException.class, () -> database.bulk(() -> {
                throw new IllegalStateException("the bulk work failed");
            }));
            assertEquals(1000, checkpointInterval(database));
        }
    }
}
