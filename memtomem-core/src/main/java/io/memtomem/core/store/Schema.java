package io.memtomem.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Index name and what follows {@code ON}. */
    private static final Map<String, String> INDEXES = Map.of(
            "idx_chunks_source", "chunks(source_file)",
            "idx_chunks_hash", "chunks(content_hash)",
            "idx_chunks_namespace", "chunks(namespace)",
            "idx_chunks_created", "chunks(created_at)",
            "idx_chunks_access", "chunks(access_count)",
            "idx_chunks_importance", "chunks(importance_score)",
            "idx_chunks_scope", "chunks(scope, project_root)",
            "idx_chunks_project_root", "chunks(project_root) WHERE project_root IS NOT NULL");
    private static final String UNIQUE_CONTENT_INDEX = "idx_chunks_unique_content";

    /**
     * Every table {@link #migrate} creates. A schema holding all of them, every index and every {@code chunks}
     * column needs no migration, so opening it writes nothing ({@code SchemaTest} fails when a table is added to
     * {@link #migrate} but not here).
     */
    private static final List<String> TABLES = List.of("chunks", "chunks_fts", "_memtomem_meta", "chunk_auto_tags",
            "unindexed_files", "file_fingerprints", "idempotency_ledger");

    private Schema() {
    }

    static void migrate(Session session) throws SQLException {
        session.execute("CREATE TABLE IF NOT EXISTS chunks ("
                + "id TEXT PRIMARY KEY, content TEXT NOT NULL, content_hash TEXT NOT NULL, source_file TEXT NOT NULL)");
        addMissingColumns(session);
        for (Map.Entry<String, String> index : INDEXES.entrySet()) {
            session.execute("CREATE INDEX IF NOT EXISTS " + index.getKey() + " ON " + index.getValue());
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

    /**
     * Whether this database already has everything {@link #migrate} would create, at this build's schema version:
     * read-only, so a search or status on a current store takes no write lock and runs no DDL.
     */
    static boolean isCurrent(Session session) throws SQLException {
        Set<String> objects = session.schemaNames();
        if (!objects.containsAll(TABLES) || !objects.containsAll(INDEXES.keySet())
                || !objects.contains(UNIQUE_CONTENT_INDEX)) {
            return false;
        }
        Set<String> columns = chunkColumns(session);
        return CHUNK_COLUMNS.stream().allMatch(column -> columns.contains(column.name()))
                && Integer.valueOf(SchemaVersion.CURRENT).equals(SchemaVersion.stored(session));
    }

    private static Set<String> chunkColumns(Session session) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (ResultSet columns = session.prepare("PRAGMA table_info(chunks)").executeQuery()) {
            while (columns.next()) {
                existing.add(columns.getString("name"));
            }
        }
        return existing;
    }

    private static void addMissingColumns(Session session) throws SQLException {
        Set<String> existing = chunkColumns(session);
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
                "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = '" + UNIQUE_CONTENT_INDEX + "'")
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
        session.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + UNIQUE_CONTENT_INDEX
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
