package io.memtomem.core.embed;

import io.memtomem.core.search.hybrid.VectorCodec;
import io.memtomem.core.store.JsonLists;
import io.memtomem.core.store.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQL for {@code chunk_vectors(chunk_rowid, vector)} and its change log. Triggers keep both honest whoever edits
 * the store: deleting a chunk deletes its vector, changing its text makes it pending again, and every vector
 * insert, replace or delete appends the chunk's rowid to {@code chunk_vector_changes}, which lets each process
 * bring its in-memory matrix up to date without reloading it.
 */
final class VectorTable {

    /** Log entries kept; a reader that fell further behind reloads everything instead. */
    static final int CHANGE_LOG_LIMIT = 10_000;

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS chunk_vectors (chunk_rowid INTEGER PRIMARY KEY, vector BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS chunk_vector_changes ("
                    + "seq INTEGER PRIMARY KEY AUTOINCREMENT, chunk_rowid INTEGER NOT NULL)",
            "CREATE TRIGGER IF NOT EXISTS chunk_vectors_follow_delete AFTER DELETE ON chunks"
                    + " BEGIN DELETE FROM chunk_vectors WHERE chunk_rowid = old.rowid; END",
            "CREATE TRIGGER IF NOT EXISTS chunk_vectors_follow_text AFTER UPDATE OF content, heading_hierarchy ON chunks"
                    + " WHEN old.content IS NOT new.content OR old.heading_hierarchy IS NOT new.heading_hierarchy"
                    + " BEGIN DELETE FROM chunk_vectors WHERE chunk_rowid = old.rowid; END",
            "CREATE TRIGGER IF NOT EXISTS chunk_vectors_log_insert AFTER INSERT ON chunk_vectors"
                    + " BEGIN INSERT INTO chunk_vector_changes(chunk_rowid) VALUES (new.chunk_rowid); END",
            "CREATE TRIGGER IF NOT EXISTS chunk_vectors_log_update AFTER UPDATE ON chunk_vectors"
                    + " BEGIN INSERT INTO chunk_vector_changes(chunk_rowid) VALUES (new.chunk_rowid); END",
            "CREATE TRIGGER IF NOT EXISTS chunk_vectors_log_delete AFTER DELETE ON chunk_vectors"
                    + " BEGIN INSERT INTO chunk_vector_changes(chunk_rowid) VALUES (old.chunk_rowid); END");

    /**
     * A chunk still waiting for its vector: the text BM25 indexes for it (to detect an edit while it is embedded) and
     * the texts to embed for it.
     */
    record PendingChunk(long rowid, String text, List<String> windows) {
    }

    /** The tables and triggers {@link #SCHEMA} creates, by name. */
    private static final Set<String> OBJECTS = SCHEMA.stream()
            .map(statement -> statement.replaceFirst("^.*? IF NOT EXISTS (\\w+).*$", "$1"))
            .collect(Collectors.toUnmodifiableSet());

    private VectorTable() {
    }

    /** Whether every table and trigger of {@link #SCHEMA} exists, read-only: opening a store needs no write then. */
    static boolean exists(Session session) throws SQLException {
        return session.schemaNames().containsAll(OBJECTS);
    }

    static void create(Session session) throws SQLException {
        for (String statement : SCHEMA) {
            session.execute(statement);
        }
    }

    /**
     * Up to {@code limit} chunks without a vector, in rowid order after {@code afterRowid}. The embedded text is the
     * FTS retrieval text (breadcrumb + content), so both legs see the same words; a long chunk is cut into windows.
     */
    static List<PendingChunk> pending(Session session, long afterRowid, int limit) throws SQLException {
        PreparedStatement statement = session.prepare("SELECT c.rowid, f.content, c.heading_hierarchy, c.content"
                + " FROM chunks c"
                + " JOIN chunks_fts f ON f.rowid = c.rowid WHERE c.rowid > ?"
                + " AND NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_rowid = c.rowid)"
                + " ORDER BY c.rowid LIMIT ?");
        statement.setLong(1, afterRowid);
        statement.setInt(2, limit);
        List<PendingChunk> pending = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String breadcrumb = String.join(" > ", JsonLists.decode(rows.getString(3)));
                pending.add(new PendingChunk(rows.getLong(1), rows.getString(2),
                        TextWindows.of(breadcrumb, rows.getString(4))));
            }
        }
        return pending;
    }

    static long pendingCount(Session session) throws SQLException {
        return count(session, "SELECT count(*) FROM chunks c"
                + " WHERE NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_rowid = c.rowid)");
    }

    static long chunkCount(Session session) throws SQLException {
        return count(session, "SELECT count(*) FROM chunks");
    }

    static long storedCount(Session session) throws SQLException {
        return count(session, "SELECT count(*) FROM chunk_vectors");
    }

    /**
     * Stores vectors for chunks that still exist with the text that was embedded; a chunk deleted or edited while
     * its batch was in flight is skipped and stays pending (or gone). Returns the rowids written.
     */
    static List<Long> write(Session session, Map<Long, String> embeddedText, Map<Long, float[]> vectors)
            throws SQLException {
        PreparedStatement current = session.prepare("SELECT content FROM chunks_fts WHERE rowid = ?");
        PreparedStatement insert = session.prepare(
                "INSERT OR REPLACE INTO chunk_vectors(chunk_rowid, vector) VALUES (?, ?)");
        List<Long> written = new ArrayList<>();
        for (Map.Entry<Long, float[]> entry : vectors.entrySet()) {
            current.setLong(1, entry.getKey());
            try (ResultSet row = current.executeQuery()) {
                if (!row.next() || !row.getString(1).equals(embeddedText.get(entry.getKey()))) {
                    continue;
                }
            }
            insert.setLong(1, entry.getKey());
            insert.setBytes(2, VectorCodec.encode(entry.getValue()));
            insert.executeUpdate();
            written.add(entry.getKey());
        }
        pruneLog(session);
        return written;
    }

    /** Drops every vector and the change log (embedding reset); readers see the gap and reload. */
    static void clear(Session session) throws SQLException {
        session.execute("DELETE FROM chunk_vectors");
        session.execute("DELETE FROM chunk_vector_changes");
    }

    /** Highest change sequence ever issued; AUTOINCREMENT keeps it growing even after the log is pruned. */
    static long highWaterMark(Session session) throws SQLException {
        return count(session, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'chunk_vector_changes'), 0)");
    }

    /** Lowest sequence still in the log, or {@code Long.MAX_VALUE} when it is empty. */
    static long oldestChange(Session session) throws SQLException {
        return count(session, "SELECT coalesce(min(seq), " + Long.MAX_VALUE + ") FROM chunk_vector_changes");
    }

    /** Rowids whose vectors changed after {@code afterSeq}, oldest first, without duplicates. */
    static List<Long> changedSince(Session session, long afterSeq) throws SQLException {
        PreparedStatement statement = session.prepare(
                "SELECT chunk_rowid FROM chunk_vector_changes WHERE seq > ? GROUP BY chunk_rowid ORDER BY min(seq)");
        statement.setLong(1, afterSeq);
        List<Long> rowids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rowids.add(rows.getLong(1));
            }
        }
        return rowids;
    }

    /** The stored vectors of {@code rowids}; absent keys have no vector (deleted or pending). */
    static Map<Long, float[]> vectors(Session session, List<Long> rowids) throws SQLException {
        PreparedStatement statement = session.prepare("SELECT vector FROM chunk_vectors WHERE chunk_rowid = ?");
        Map<Long, float[]> vectors = new LinkedHashMap<>();
        for (long rowid : rowids) {
            statement.setLong(1, rowid);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    vectors.put(rowid, VectorCodec.decode(row.getBytes(1)));
                }
            }
        }
        return vectors;
    }

    /** Streams every stored vector to {@code sink}. */
    static void forEachVector(Session session, VectorSink sink) throws SQLException {
        try (ResultSet rows = session.prepare("SELECT chunk_rowid, vector FROM chunk_vectors").executeQuery()) {
            while (rows.next()) {
                sink.accept(rows.getLong(1), VectorCodec.decode(rows.getBytes(2)));
            }
        }
    }

    @FunctionalInterface
    interface VectorSink {
        void accept(long rowid, float[] vector);
    }

    private static void pruneLog(Session session) throws SQLException {
        PreparedStatement statement = session.prepare("DELETE FROM chunk_vector_changes WHERE seq <= ("
                + "SELECT seq FROM sqlite_sequence WHERE name = 'chunk_vector_changes') - " + CHANGE_LOG_LIMIT);
        statement.executeUpdate();
    }

    private static long count(Session session, String sql) throws SQLException {
        try (ResultSet row = session.prepare(sql).executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
