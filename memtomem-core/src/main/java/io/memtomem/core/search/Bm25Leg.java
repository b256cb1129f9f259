package io.memtomem.core.search;

import io.memtomem.core.store.ChunkRows;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.StoredChunk;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.memtomem.core.store.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            List<Candidate> rows = run(session, fts.and(), namespaces, limit);
            if (rows.isEmpty() && query.contains(" ")) {
                return new Result(run(session, fts.or(), namespaces, limit), fts.or());
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

    /**
     * Ranks in two steps: the ORDER BY runs over rowids and sort keys only, then the full rows are read for the few
     * winners, so a query matching thousands of chunks does not drag every chunk's text through the sorter.
     */
    private static List<Candidate> run(Session session, String match, NamespaceFilter namespaces, int limit)
            throws SQLException {
        // FTS5 cannot MATCH through a table alias, so chunks_fts keeps its name
        PreparedStatement ranked = session.prepare("SELECT c.rowid, chunks_fts.rank FROM chunks_fts"
                + " JOIN chunks c ON c.rowid = chunks_fts.rowid"
                + " WHERE chunks_fts MATCH ? AND " + namespaces.sql("c.namespace")
                + " ORDER BY chunks_fts.rank, " + ChunkRows.SCOPE_PRIORITY + ", c.id LIMIT ?");
        ranked.setString(1, match);
        int next = ChunkStore.bind(ranked, namespaces.params(), 2);
        ranked.setInt(next, limit);
        Map<Long, Double> scores = new LinkedHashMap<>();
        try (ResultSet row = ranked.executeQuery()) {
            while (row.next()) {
                scores.put(row.getLong(1), Math.abs(row.getDouble(2)));
            }
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        PreparedStatement rows = session.prepare("SELECT " + ChunkRows.COLUMNS + ", c.rowid FROM chunks c"
                + " WHERE c.rowid IN (SELECT value FROM json_each(?))");
        rows.setString(1, scores.keySet().toString());
        Map<Long, StoredChunk> chunks = new HashMap<>();
        try (ResultSet row = rows.executeQuery()) {
            while (row.next()) {
                chunks.put(row.getLong(12), ChunkRows.read(row));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        scores.forEach((rowid, score) -> {
            StoredChunk chunk = chunks.get(rowid);
            if (chunk != null) {
                candidates.add(new Candidate(chunk, score));
            }
        });
        return candidates;
    }
}
