package io.memtomem.core.store;

import io.memtomem.core.chunk.Chunk;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-level writes used inside one per-file transaction: every change to {@code chunks} is mirrored in
 * {@code chunks_fts} under the same rowid, whose {@code content} is the retrieval text (breadcrumb + content).
 */
public final class ChunkWriter {
    private ChunkWriter() {
    }

    /** All rows of a source, in line order (every namespace, so the diff covers the whole file). */
    public static List<ExistingChunk> existing(Session session, String source) throws SQLException {
        PreparedStatement statement = session.prepare("SELECT c.rowid, c.id, c.content_hash, c.heading_hierarchy,"
                + " c.tags, c.namespace, c.start_line, c.end_line, c.scope, c.project_root, c.valid_from_unix,"
                + " c.valid_to_unix, a.tags FROM chunks c LEFT JOIN chunk_auto_tags a ON a.chunk_id = c.id"
                + " WHERE c.source_file = ? ORDER BY c.start_line, c.rowid");
        statement.setString(1, source);
        List<ExistingChunk> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new ExistingChunk(row.getLong(1), row.getString(2), row.getString(3),
                        JsonLists.decode(row.getString(4)), JsonLists.decode(row.getString(5)),
                        JsonLists.decode(row.getString(13)), row.getString(6),
                        row.getInt(7), row.getInt(8), new SourceStamp(row.getString(9), row.getString(10),
                        nullableLong(row, 11), nullableLong(row, 12))));
            }
        }
        return rows;
    }

    /**
     * Inserts a new chunk; returns false when the unique (namespace, source, hash, start line) index dropped it
     * because a concurrent writer stored the same chunk first.
     */
    public static boolean insert(Session session, String id, Chunk chunk, String contentHash, String namespace,
                                 SourceStamp stamp, String source, String now) throws SQLException {
        PreparedStatement statement = session.prepare("INSERT OR IGNORE INTO chunks(id, content, content_hash,"
                + " source_file, heading_hierarchy, chunk_type, start_line, end_line, tags, namespace, created_at,"
                + " updated_at, scope, project_root, valid_from_unix, valid_to_unix)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid");
        statement.setString(1, id);
        statement.setString(2, chunk.content());
        statement.setString(3, contentHash);
        statement.setString(4, source);
        statement.setString(5, JsonLists.encode(chunk.hierarchy()));
        statement.setString(6, chunk.chunkType());
        statement.setInt(7, chunk.startLine());
        statement.setInt(8, chunk.endLine());
        statement.setString(9, JsonLists.encode(chunk.tags()));
        statement.setString(10, namespace);
        statement.setString(11, now);
        statement.setString(12, now);
        bindStamp(statement, 13, stamp);
        long rowid;
        try (ResultSet inserted = statement.executeQuery()) {
            if (!inserted.next()) {
                return false;
            }
            rowid = inserted.getLong(1);
        }
        PreparedStatement fts = session.prepare(
                "INSERT INTO chunks_fts(rowid, content, source_file) VALUES (?, ?, ?)");
        fts.setLong(1, rowid);
        fts.setString(2, chunk.retrievalText());
        fts.setString(3, source);
        fts.executeUpdate();
        return true;
    }

    /** Rewrites a kept chunk (hierarchy, namespace or forced refresh) under its existing id, counters and auto tags. */
    public static void update(Session session, ExistingChunk row, Chunk chunk, String namespace, SourceStamp stamp,
                              String source, String now) throws SQLException {
        PreparedStatement statement = session.prepare("UPDATE chunks SET content = ?, heading_hierarchy = ?,"
                + " chunk_type = ?, start_line = ?, end_line = ?, tags = ?, namespace = ?, updated_at = ?,"
                + " scope = ?, project_root = ?, valid_from_unix = ?, valid_to_unix = ? WHERE rowid = ?");
        statement.setString(1, chunk.content());
        statement.setString(2, JsonLists.encode(chunk.hierarchy()));
        statement.setString(3, chunk.chunkType());
        statement.setInt(4, chunk.startLine());
        statement.setInt(5, chunk.endLine());
        statement.setString(6, JsonLists.encode(AutoTagLedger.withAutoTags(chunk.tags(), row.autoTags())));
        statement.setString(7, namespace);
        statement.setString(8, now);
        bindStamp(statement, 9, stamp);
        statement.setLong(13, row.rowid());
        statement.executeUpdate();
        PreparedStatement fts = session.prepare("UPDATE chunks_fts SET content = ?, source_file = ? WHERE rowid = ?");
        fts.setString(1, chunk.retrievalText());
        fts.setString(2, source);
        fts.setLong(3, row.rowid());
        fts.executeUpdate();
    }

    private static void bindStamp(PreparedStatement statement, int first, SourceStamp stamp) throws SQLException {
        statement.setString(first, stamp.scope());
        statement.setString(first + 1, stamp.projectRoot());
        statement.setObject(first + 2, stamp.validFromUnix());
        statement.setObject(first + 3, stamp.validToUnix());
    }

    static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** Refreshes the line span of an unchanged chunk (text above it moved). */
    public static void moveLines(Session session, long rowid, int startLine, int endLine) throws SQLException {
        PreparedStatement statement = session.prepare("UPDATE chunks SET start_line = ?, end_line = ? WHERE rowid = ?");
        statement.setInt(1, startLine);
        statement.setInt(2, endLine);
        statement.setLong(3, rowid);
        statement.executeUpdate();
    }

    /**
     * Moves a row out of the way of the unique index before its final values are written: two duplicate chunks
     * that swap line numbers would otherwise collide mid-update. {@code -rowid} never clashes with a real line.
     */
    public static void park(Session session, long rowid) throws SQLException {
        moveLines(session, rowid, (int) -rowid, (int) -rowid);
    }

    public static void delete(Session session, long rowid) throws SQLException {
        PreparedStatement fts = session.prepare("DELETE FROM chunks_fts WHERE rowid = ?");
        fts.setLong(1, rowid);
        fts.executeUpdate();
        PreparedStatement statement = session.prepare("DELETE FROM chunks WHERE rowid = ?");
        statement.setLong(1, rowid);
        statement.executeUpdate();
    }

    /** Deletes every row of a source; returns the number of chunks removed. */
    public static int deleteSource(Session session, String source) throws SQLException {
        FileFingerprints.delete(session, source);
        PreparedStatement fts = session.prepare(
                "DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE source_file = ?)");
        fts.setString(1, source);
        fts.executeUpdate();
        PreparedStatement statement = session.prepare("DELETE FROM chunks WHERE source_file = ?");
        statement.setString(1, source);
        return statement.executeUpdate();
    }

    /** Deletes every row of a namespace (exact match); returns the number of chunks removed. */
    public static int deleteNamespace(Session session, String namespace) throws SQLException {
        PreparedStatement fts = session.prepare(
                "DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE namespace = ?)");
        fts.setString(1, namespace);
        fts.executeUpdate();
        PreparedStatement statement = session.prepare("DELETE FROM chunks WHERE namespace = ?");
        statement.setString(1, namespace);
        return statement.executeUpdate();
    }
}
