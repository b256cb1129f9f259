package io.memtomem.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * Per-file record of what was last indexed: the sha256 of the file bytes and the chunking settings that produced
 * its chunks. When both still match and the source still has that many rows, re-indexing can skip reading the file
 * into chunks at all, which is what makes a no-change re-index of a large tree cheap. Rows deleted behind our back
 * (another process, a delete by namespace) change the count and force a fresh chunking.
 */
public final class FileFingerprints {
    private FileFingerprints() {
    }

    /** The stored chunk count when the fingerprint matches and the rows are all there; empty otherwise. */
    public static OptionalInt unchangedCount(Session session, String source, String sha256, String settings)
            throws SQLException {
        PreparedStatement statement = session.prepare("SELECT f.chunk_count,"
                + " (SELECT count(*) FROM chunks WHERE source_file = f.source_file) FROM file_fingerprints f"
                + " WHERE f.source_file = ? AND f.content_sha256 = ? AND f.settings = ?");
        statement.setString(1, source);
        statement.setString(2, sha256);
        statement.setString(3, settings);
        try (ResultSet row = statement.executeQuery()) {
            if (row.next() && row.getInt(1) == row.getInt(2)) {
                return OptionalInt.of(row.getInt(1));
            }
            return OptionalInt.empty();
        }
    }

    /** Records the fingerprint with the source's current row count (call after writing its chunks). */
    public static void put(Session session, String source, String sha256, String settings) throws SQLException {
        PreparedStatement statement = session.prepare("INSERT OR REPLACE INTO file_fingerprints(source_file,"
                + " content_sha256, settings, chunk_count) VALUES (?, ?, ?,"
                + " (SELECT count(*) FROM chunks WHERE source_file = ?))");
        statement.setString(1, source);
        statement.setString(2, sha256);
        statement.setString(3, settings);
        statement.setString(4, source);
        statement.executeUpdate();
    }

    public static void delete(Session session, String source) throws SQLException {
        PreparedStatement statement = session.prepare("DELETE FROM file_fingerprints WHERE source_file = ?");
        statement.setString(1, source);
        statement.executeUpdate();
    }
}
