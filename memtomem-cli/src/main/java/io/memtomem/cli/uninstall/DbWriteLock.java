package io.memtomem.cli.uninstall;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether another process holds a write transaction on the database (locking.md §7.5): {@code BEGIN IMMEDIATE}
 * with no busy wait, rolled back at once. Fails open — uninstall is a recovery tool — except on "locked"/"busy".
 * Pure readers are not detected (accepted).
 */
final class DbWriteLock {
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
        Optional<String> notADatabase = SqliteHeader.problem(db);
        if (notADatabase.isPresent()) {
            return new State(false, notADatabase.get());
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
