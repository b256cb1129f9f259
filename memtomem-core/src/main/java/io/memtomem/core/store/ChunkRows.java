package io.memtomem.core.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;

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

    /**
     * SQL tie-breakers after score (and scope priority) for alias {@code c}: where the chunk lives, so equal scores
     * rank the same in every store over the same files. Chunk ids are random per store, so ordering ties by id alone
     * made two fresh stores disagree; the id stays last only to make the order total.
     */
    public static final String STABLE_TIES = "c.source_file, c.start_line, c.id";

    /** {@link #STABLE_TIES} in Java; paths compare by code point, which is SQLite's BINARY order on UTF-8 text. */
    public static final Comparator<StoredChunk> STABLE_TIE_ORDER = ChunkRows::compareStably;

    private ChunkRows() {
    }

    /**
     * Written out rather than chained from {@code Comparator.comparing}: those JDK combinators are serializable
     * lambdas, which no class-data archive holds, so each is spun up at run time on every cold search.
     */
    private static int compareStably(StoredChunk a, StoredChunk b) {
        int order = compareCodePoints(a.source().toString(), b.source().toString());
        if (order == 0) {
            order = Integer.compare(a.startLine(), b.startLine());
        }
        return order != 0 ? order : a.id().compareTo(b.id());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
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
