package io.memtomem.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an index run could not index (over the size limit, binary, flagged by the redaction gate, unreadable),
 * with the reason and the fix, so {@code mm status} and {@code mem_status} can list them: such files stay skipped, as
 * in the reference, but never silently. A row goes as soon as the file is indexed or vanishes.
 */
public final class UnindexedFiles {
    /** One file that could not be indexed. */
    public record Entry(String source, String reason, String fix) {
    }

    private UnindexedFiles() {
    }

    static void createTable(Session session) throws SQLException {
        session.execute("CREATE TABLE IF NOT EXISTS unindexed_files (source_file TEXT PRIMARY KEY,"
                + " reason TEXT NOT NULL, fix TEXT NOT NULL)");
    }

    public static void put(Session session, String source, String reason, String fix) throws SQLException {
        PreparedStatement statement = session.prepare(
                "INSERT OR REPLACE INTO unindexed_files(source_file, reason, fix) VALUES (?, ?, ?)");
        statement.setString(1, source);
        statement.setString(2, reason);
        statement.setString(3, fix);
        statement.executeUpdate();
    }

    public static void clear(Session session, String source) throws SQLException {
        PreparedStatement statement = session.prepare("DELETE FROM unindexed_files WHERE source_file = ?");
        statement.setString(1, source);
        statement.executeUpdate();
    }

    public static boolean any(Session session) throws SQLException {
        try (ResultSet row = session.prepare("SELECT 1 FROM unindexed_files LIMIT 1").executeQuery()) {
            return row.next();
        }
    }

    public static List<Entry> list(Session session) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet row = session.prepare("SELECT source_file, reason, fix FROM unindexed_files"
                + " ORDER BY source_file").executeQuery()) {
            while (row.next()) {
                entries.add(new Entry(row.getString(1), row.getString(2), row.getString(3)));
            }
        }
        return entries;
    }
}
