package io.memtomem.cli.uninstall;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether another process holds a write transaction on the database (locking.md §7.5): {@code BEGIN IMMEDIATE}
 * with no busy wait, rolled back at once. Fails open — uninstall is a recovery tool — except on "locked"/"busy".
 * Pure readers are not detected (accepted).
 */
final class DbWriteLock {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** @param probeError why the probe could not decide (then {@code locked} is false) */
    record State(boolean locked, String probeError) {
        static final State FREE = new State(false, null);
    }

    private DbWriteLock() {
    }

    static State probe(Path db) {
        if (!Files.isRegularFile(db)) {
            return State.FREE;
        }
        // never let SQLite open a file that is not a database: it could act on a fake -wal beside it
        try (InputStream in = Files.newInputStream(db)) {
            if (!Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
                return new State(false, db + " is not a SQLite database");
            }
        } catch (IOException e) {
            return new State(false, "cannot read " + db + ": " + e.getMessage());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(0);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
            return State.FREE;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            return lower.contains("locked") || lower.contains("busy") ? new State(true, null)
                    : new State(false, message);
        }
    }
}
