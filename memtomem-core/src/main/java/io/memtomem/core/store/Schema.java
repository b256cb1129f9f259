package io.memtomem.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Tier-1 schema of memory-core.md §2.2, created idempotently. Every {@code chunks} column exists even when unused
 * so Python and Java can share a file; older files gain missing columns through additive migrations.
 */
final class Schema {
    /** Column name and its definition for {@code ALTER TABLE ADD COLUMN}. */
    private record Column(String name, String definition) {
    }

    private static final List<Column> CHUNK_COLUMNS = List.of(
            new Column("heading_hierarchy", "TEXT NOT NULL DEFAULT '[]'"),
            new Column("chunk_type", "TEXT NOT NULL DEFAULT 'raw_text'"),
            new Column("start_line", "INTEGER NOT NULL DEFAULT 0"),
            new Column("end_line", "INTEGER NOT NULL DEFAULT 0"),
            new Column("language", "TEXT NOT NULL DEFAULT 'en'"),
            new Column("tags", "TEXT NOT NULL DEFAULT '[]'"),
            new Column("namespace", "TEXT NOT NULL DEFAULT 'default'"),
            new Column("created_at", "TEXT"),
            new Column("updated_at", "TEXT"),
            new Column("access_count", "INTEGER NOT NULL DEFAULT 0"),
            new Column("use_count", "INTEGER NOT NULL DEFAULT 0"),
            new Column("last_accessed_at", "TEXT"),
            new Column("importance_score", "REAL NOT NULL DEFAULT 0.0"),
            new Column("overlap_before", "INTEGER NOT NULL DEFAULT 0"),
            new Column("overlap_after", "INTEGER NOT NULL DEFAULT 0"),
            new Column("valid_from_unix", "INTEGER"),
            new Column("valid_to_unix", "INTEGER"),
            new Column("scope", "TEXT NOT NULL DEFAULT 'user'"),
            new Column("project_root", "TEXT"));

    private static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS idx_chunks_source ON chunks(source_file)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_hash ON chunks(content_hash)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_namespace ON chunks(namespace)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_created ON chunks(created_at)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_access ON chunks(access_count)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_importance ON chunks(importance_score)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_scope ON chunks(scope, project_root)",
            "CREATE INDEX IF NOT EXISTS idx_chunks_project_root ON chunks(project_root) WHERE project_root IS NOT NULL");

    private Schema() {
    }

    static void migrate(Session session) throws SQLException {
        session.execute("CREATE TABLE IF NOT EXISTS chunks ("
                + "id TEXT PRIMARY KEY, content TEXT NOT NULL, content_hash TEXT NOT NULL, source_file TEXT NOT NULL)");
        addMissingColumns(session);
        for (String index : INDEXES) {
            session.execute(index);
        }
        ensureUniqueContentIndex(session);
        session.execute("CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(content, source_file,"
                + " tokenize='unicode61')");
        session.execute("CREATE TABLE IF NOT EXISTS _memtomem_meta (key TEXT PRIMARY KEY, value TEXT)");
        AutoTagLedger.createTable(session);
        UnindexedFiles.createTable(session);
        session.execute("CREATE TABLE IF NOT EXISTS file_fingerprints (source_file TEXT PRIMARY KEY,"
                + " content_sha256 TEXT NOT NULL, settings TEXT NOT NULL, chunk_count INTEGER NOT NULL)");
        // memory-core.md §2.2: one row per (tool, idempotency key); the primary key makes two writers' claims collide
        session.execute("CREATE TABLE IF NOT EXISTS idempotency_ledger (tool TEXT NOT NULL, key TEXT NOT NULL,"
                + " result TEXT, expires_at REAL NOT NULL, PRIMARY KEY (tool, key))");
        session.execute("INSERT OR IGNORE INTO _memtomem_meta(key, value) VALUES ('schema_version', '"
                + SchemaVersion.CURRENT + "')");
    }

    private static void addMissingColumns(Session session) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (ResultSet columns = session.prepare("PRAGMA table_info(chunks)").executeQuery()) {
            while (columns.next()) {
                existing.add(columns.getString("name"));
            }
        }
        for (Column column : CHUNK_COLUMNS) {
            if (!existing.contains(column.name())) {
                try {
                    session.execute("ALTER TABLE chunks ADD COLUMN " + column.name() + " " + column.definition());
                } catch (SQLException e) {
                    // another process added it between our check and the ALTER: additive migrations are idempotent
                    if (!String.valueOf(e.getMessage()).contains("duplicate column")) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Older files may hold duplicates that would block the unique index: keep the first row of each group. */
    private static void ensureUniqueContentIndex(Session session) throws SQLException {
        try (ResultSet present = session.prepare(
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'idx_chunks_unique_content'")
                .executeQuery()) {
            if (present.next()) {
                return;
            }
        }
        String duplicates = "SELECT rowid FROM chunks WHERE rowid NOT IN (SELECT min(rowid) FROM chunks"
                + " GROUP BY namespace, source_file, content_hash, start_line)";
        if (tableExists(session, "chunks_fts")) {
            session.execute("DELETE FROM chunks_fts WHERE rowid IN (" + duplicates + ")");
        }
        session.execute("DELETE FROM chunks WHERE rowid IN (" + duplicates + ")");
        session.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_chunks_unique_content"
                + " ON chunks(namespace, source_file, content_hash, start_line)");
    }

    private static boolean tableExists(Session session, String name) throws SQLException {
        var statement = session.prepare("SELECT 1 FROM sqlite_master WHERE name = ?");
        statement.setString(1, name);
        try (ResultSet row = statement.executeQuery()) {
            return row.next();
        }
    }
}
