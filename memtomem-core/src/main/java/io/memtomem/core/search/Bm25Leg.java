package io.memtomem.core.search;

import io.memtomem.core.store.ChunkRows;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.StoredChunk;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The BM25 leg (memory-core.md §5.2): FTS5 MATCH joined to chunks with the namespace predicate inside the SQL,
 * ordered by rank, scope priority and id, AND first with an OR fallback for multi-word queries.
 */
final class Bm25Leg {
    /** One candidate: the chunk and its score ({@code abs(rank)}). */
    record Candidate(StoredChunk chunk, double score) {
    }

    /** The candidates and the MATCH expression that produced them. */
    record Result(List<Candidate> candidates, String matchExpression) {
    }

    private final Database database;

    Bm25Leg(Database database) {
        this.database = database;
    }

    Result search(String query, NamespaceFilter namespaces, int limit) {
        FtsQuery fts = FtsQuery.parse(query);
        if (fts.isEmpty()) {
            return new Result(List.of(), null);
        }
        return database.read("searching", session -> {
            // FTS5 cannot MATCH through a table alias, so chunks_fts keeps its name
            String sql = "SELECT " + ChunkRows.COLUMNS + ", chunks_fts.rank FROM chunks_fts"
                    + " JOIN chunks c ON c.rowid = chunks_fts.rowid"
                    + " WHERE chunks_fts MATCH ? AND " + namespaces.sql("c.namespace")
                    + " ORDER BY chunks_fts.rank, " + ChunkRows.SCOPE_PRIORITY + ", c.id LIMIT ?";
            PreparedStatement statement = session.prepare(sql);
            List<Candidate> rows = run(statement, fts.and(), namespaces, limit);
            if (rows.isEmpty() && query.contains(" ")) {
                return new Result(run(statement, fts.or(), namespaces, limit), fts.or());
            }
            return new Result(rows, fts.and());
        });
    }

    /** How many matches of the expression live in the namespaces the filter hides; 0 when nothing is hidden. */
    long hiddenMatches(String matchExpression, NamespaceFilter namespaces) {
        if (matchExpression == null || !namespaces.hidesSystemNamespaces()) {
            return 0;
        }
        return database.read("counting hidden matches", session -> {
            PreparedStatement exists = session.prepare(
                    "SELECT EXISTS (SELECT 1 FROM chunks c WHERE " + namespaces.hiddenSql("c.namespace") + ")");
            ChunkStore.bind(exists, namespaces.hiddenParams());
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next() || row.getInt(1) == 0) {
                    return 0L;
                }
            }
            PreparedStatement count = session.prepare("SELECT count(*) FROM chunks_fts"
                    + " JOIN chunks c ON c.rowid = chunks_fts.rowid"
                    + " WHERE chunks_fts MATCH ? AND " + namespaces.hiddenSql("c.namespace"));
            count.setString(1, matchExpression);
            ChunkStore.bind(count, namespaces.hiddenParams(), 2);
            try (ResultSet row = count.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    private static List<Candidate> run(PreparedStatement statement, String match, NamespaceFilter namespaces,
                                       int limit) throws SQLException {
        statement.setString(1, match);
        int next = ChunkStore.bind(statement, namespaces.params(), 2);
        statement.setInt(next, limit);
        List<Candidate> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new Candidate(ChunkRows.read(row), Math.abs(row.getDouble(12))));
            }
        }
        return rows;
    }
}
