package io.memtomem.core.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The column list and row mapping shared by every query that returns {@link StoredChunk}s. */
public final class ChunkRows {
    /** Select list for alias {@code c}; {@link #read} expects these columns first, in this order. */
    public static final String COLUMNS = "c.id, c.content, c.content_hash, c.source_file, c.heading_hierarchy,"
            + " c.namespace, c.tags, c.start_line, c.end_line, c.created_at, c.updated_at, c.scope, c.project_root,"
            + " c.valid_from_unix, c.valid_to_unix";

    /** How many columns {@link #COLUMNS} selects: a query's extra columns start after this index. */
    public static final int COLUMN_COUNT = 15;

    /** SQL sort key that ranks project_local, then project_shared, then user (memory-core.md §2.3 rule 5). */
    public static final String SCOPE_PRIORITY =
            "CASE c.scope WHEN 'project_local' THEN 0 WHEN 'project_shared' THEN 1 ELSE 2 END";

    private ChunkRows() {
    }

    public static StoredChunk read(ResultSet row) throws SQLException {
        return new StoredChunk(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                Path.of(row.getString(4)),
                JsonLists.decode(row.getString(5)),
                row.getString(6),
                JsonLists.decode(row.getString(7)),
                row.getInt(8),
                row.getInt(9),
                row.getString(10),
                row.getString(11),
                row.getString(12),
                row.getString(13),
                ChunkWriter.nullableLong(row, 14),
                ChunkWriter.nullableLong(row, 15));
    }
}
