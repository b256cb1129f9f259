package io.memtomem.cli.uninstall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbWriteLockTest {
    @TempDir
    Path temp;

    @Test
    void aMissingDatabaseIsFree() {
        assertEquals(DbWriteLock.State.FREE, DbWriteLock.probe(temp.resolve("absent.db")));
        assertFalse(Files.exists(temp.resolve("absent.db")), "the probe never creates a database");
    }

    @Test
    void aFileThatIsNotSqliteIsNeverOpened() throws Exception {
        Path fake = Files.writeString(temp.resolve("fake.db"), "definitely not sqlite");
        Files.writeString(temp.resolve("fake.db-wal"), "a fake wal SQLite must not touch");
        DbWriteLock.State state = DbWriteLock.probe(fake);
        assertFalse(state.locked());
        assertTrue(state.probeError().contains("not a SQLite database"), state.probeError());
        assertEquals("a fake wal SQLite must not touch", Files.readString(temp.resolve("fake.db-wal")));
    }

    @Test
    void anOpenWriteTransactionIsLockedAndAReaderIsNot() throws Exception {
        Path db = temp.resolve("store.db");
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (x)");
            assertEquals(DbWriteLock.State.FREE, DbWriteLock.probe(db));
            statement.execute("BEGIN IMMEDIATE");
            assertTrue(DbWriteLock.probe(db).locked());
            statement.execute("ROLLBACK");
            assertFalse(DbWriteLock.probe(db).locked());
        }
    }
}
