package io.memtomem.core.store;

import io.memtomem.core.StoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The downgrade fence (memory-core.md §2.3): a database written by a newer schema is refused and left untouched. */
final class SchemaVersion {
    static final int CURRENT = 1;

    private SchemaVersion() {
    }

    static void refuseNewer(Session session, Path path) throws SQLException {
        Integer stored = stored(session);
        if (stored != null && stored > CURRENT) {
            throw new StoreException("the memtomem database " + path + " has schema version " + stored
                    + ", newer than this build supports (" + CURRENT + "). Upgrade memtomem; the database was"
                    + " left untouched.");
        }
    }

    /** The stored schema version; null when the database has none yet. */
    static Integer stored(Session session) throws SQLException {
        try (ResultSet tables = session.prepare(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_memtomem_meta'").executeQuery()) {
            if (!tables.next()) {
                return null;
            }
        }
        try (ResultSet row = schemaVersionRow(session)) {
            if (row == null) {
                return null;
            }
            if (!row.next() || row.getString(1) == null) {
                return null;
            }
            try {
                return Integer.parseInt(row.getString(1).trim());
            } catch (NumberFormatException e) {
                throw new StoreException("the memtomem database has an unreadable schema_version '"
                        + row.getString(1) + "'; it may be corrupt. Move it aside and re-index.");
            }
        }
    }

    /**
     * The row, or null when the table is not visible to this connection. Another process may be creating the schema
     * right now and a connection's schema cache can lag the catalogue it just read; the check that counts runs again
     * inside the schema transaction, so "not there yet" is not an error here.
     */
    private static ResultSet schemaVersionRow(Session session) throws SQLException {
        try {
            return session.prepare("SELECT value FROM _memtomem_meta WHERE key = 'schema_version'").executeQuery();
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return null;
            }
            throw e;
        }
    }
}
