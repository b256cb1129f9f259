package io.memtomem.core.search;

import io.memtomem.core.scope.ScopeFilter;
import io.memtomem.core.store.ChunkRows;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.Session;
import io.memtomem.core.store.StoredChunk;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BM25 leg (memory-core.md §5.2): FTS5 MATCH with the namespace and scope predicates inside the SQL, ordered by
 * rank, scope priority and id, AND first with an OR fallback for multi-word queries; score = {@code abs(rank)}.
 *
 * <p>{@code bm25(chunks_fts)} is the reference's {@code rank} (FTS5's default rank function) but lets SQLite keep
 * only the top rows while sorting, where {@code ORDER BY rank} makes FTS5 sort every match itself. Ranking runs on
 * rowids and sort keys only; full rows are read only for the candidates the caller will use ({@code wanted}: top_k
 * when BM25 stands alone), since reading a row costs more than ranking it. When no row can be filtered out (no
 * namespace or scope pinned and no rows in hidden namespaces) the ranking skips the join entirely and breaks rank
 * ties in Java on a page one row longer than the candidates, falling back to the joined query if a tie group
 * reaches past it.
 */
final class Bm25Leg {

    /** One candidate: the chunk and its score ({@code abs(rank)}). */
    record Candidate(StoredChunk chunk, double score) {
    }

    /**
     * The best {@code wanted} candidates in order, how many candidates the leg found ({@code found <= limit}, the
     * rest ranked but not read), and how many matches were hidden in system namespaces.
     */
    record Result(List<Candidate> candidates, int found, long hiddenMatches) {
        static final Result NONE = new Result(List.of(), 0, 0);

        /** Candidates ranked but not read. */
        int unread() {
            return found - candidates.size();
        }
    }

    /** A ranked rowid, best first. */
    private record Rank(long rowid, double score) {
    }

    /** The leading ranks of a ranking query and how many rows it returned. */
    private record Page(List<Rank> leading, int rows) {
    }

    /** The leading rows of a ranking, in order, and how many candidates it holds. */
    private record Ranking(List<Row> rows, int found) {
        static final Ranking NONE = new Ranking(List.of(), 0);
    }

    /** A fetched row with the keys of the reference's ORDER BY. */
    private record Row(StoredChunk chunk, double rank, int scopePriority) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparingDouble(Row::rank)
            .thenComparingInt(Row::scopePriority).thenComparing(row -> row.chunk().id());

    private final Database database;

    Bm25Leg(Database database) {
        this.database = database;
    }

    /** Ranks up to {@code limit} candidates and reads the best {@code wanted} of them ({@code wanted <= limit}). */
    Result search(String query, NamespaceFilter namespaces, ScopeFilter scopes, int limit, int wanted) {
        FtsQuery fts = FtsQuery.parse(query);
        if (fts.isEmpty()) {
            return Result.NONE;
        }
        return database.read("searching", session -> {
            boolean hiddenRowsExist = namespaces.hidesSystemNamespaces() && hiddenRowsExist(session, namespaces);
            boolean filtering = namespaces.isPinned() || hiddenRowsExist || !scopes.isEmpty();
            String match = fts.and();
            Ranking ranking = rank(session, match, namespaces, scopes, limit, wanted, filtering);
            if (ranking.found() == 0 && query.contains(" ")) {
                match = fts.or();
                ranking = rank(session, match, namespaces, scopes, limit, wanted, filtering);
            }
            long hidden = hiddenRowsExist ? hiddenMatches(session, match, namespaces, scopes) : 0;
            return new Result(ranking.rows().stream().map(row -> new Candidate(row.chunk(), Math.abs(row.rank())))
                    .toList(), ranking.found(), hidden);
        });
    }

    private static Ranking rank(Session session, String match, NamespaceFilter namespaces, ScopeFilter scopes,
                                int limit, int wanted, boolean filtering) throws SQLException {
        if (!filtering) {
            PreparedStatement ranked = session.prepare(
                    "SELECT rowid, bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ?"
                            + " ORDER BY score LIMIT ?");
            ranked.setString(1, match);
            ranked.setInt(2, limit + 1);
            Page page = page(ranked, wanted);
            int found = Math.min(limit, page.rows());
            int cut = Math.min(wanted, found);
            if (cut == 0) {
                return Ranking.NONE;
            }
            List<Rank> leading = page.leading();
            if (leading.size() == limit + 1) {
                return new Ranking(withWholeTieGroup(session, match, leading.get(cut - 1).score(), cut), found);
            }
            List<Row> rows = rows(session, leading).stream().sorted(ORDER).toList();
            return new Ranking(rows.subList(0, Math.min(cut, rows.size())), found);
        }
        // FTS5 cannot MATCH through a table alias, so chunks_fts keeps its name
        PreparedStatement ranked = session.prepare("SELECT c.rowid, bm25(chunks_fts) AS score FROM chunks_fts"
                + " JOIN chunks c ON c.rowid = chunks_fts.rowid"
                + " WHERE chunks_fts MATCH ? AND " + namespaces.sql("c.namespace") + " AND " + scopes.sql("c.scope")
                + " ORDER BY score, " + ChunkRows.SCOPE_PRIORITY + ", c.id LIMIT ?");
        ranked.setString(1, match);
        int next = ChunkStore.bind(ranked, namespaces.params(), 2);
        next = ChunkStore.bind(ranked, scopes.params(), next);
        ranked.setInt(next, limit);
        Page page = page(ranked, wanted);
        List<Rank> best = page.leading().subList(0, Math.min(wanted, page.leading().size()));
        return new Ranking(rows(session, best).stream().sorted(ORDER).toList(), page.rows());
    }

    /**
     * Re-ranks when a group of equal scores reaches past the fetched page: every match scoring at or above the cut
     * score (the page plus the whole tie group) is ordered with the reference's tie-breakers.
     */
    private static List<Row> withWholeTieGroup(Session session, String match, double cutScore, int limit)
            throws SQLException {
        PreparedStatement ranked = session.prepare("SELECT c.rowid, f.score FROM (SELECT rowid,"
                + " bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ?) f"
                + " JOIN chunks c ON c.rowid = f.rowid WHERE f.score <= ?"
                + " ORDER BY f.score, " + ChunkRows.SCOPE_PRIORITY + ", c.id LIMIT ?");
        ranked.setString(1, match);
        ranked.setDouble(2, cutScore);
        ranked.setInt(3, limit);
        return rows(session, page(ranked, limit).leading()).stream().sorted(ORDER).toList();
    }

    /**
     * Steps a ranking in score order: rowid and score of the first {@code wanted} rows and of every row tied with
     * the last of them (they compete for its place on scope and id), then only counts the rest.
     */
    private static Page page(PreparedStatement ranked, int wanted) throws SQLException {
        List<Rank> leading = new ArrayList<>();
        int rows = 0;
        boolean reading = true;
        try (ResultSet row = ranked.executeQuery()) {
            while (row.next()) {
                rows++;
                if (reading) {
                    double score = row.getDouble(2);
                    reading = leading.size() < wanted || score == leading.get(wanted - 1).score();
                    if (reading) {
                        leading.add(new Rank(row.getLong(1), score));
                    }
                }
            }
        }
        return new Page(leading, rows);
    }

    /** Reads the full rows of the ranked rowids (in no particular order). */
    private static List<Row> rows(Session session, List<Rank> ranks) throws SQLException {
        if (ranks.isEmpty()) {
            return List.of();
        }
        Map<Long, Double> scores = new HashMap<>();
        ranks.forEach(rank -> scores.put(rank.rowid(), rank.score()));
        // one IN list per page size (padded with -1, never a rowid) keeps the statement cached and a single step loop
        int slots = Integer.highestOneBit(Math.max(1, ranks.size() - 1)) * 2;
        PreparedStatement select = session.prepare("SELECT " + ChunkRows.COLUMNS + ", c.rowid, "
                + ChunkRows.SCOPE_PRIORITY + " FROM chunks c WHERE c.rowid IN ("
                + String.join(", ", Collections.nCopies(slots, "?")) + ")");
        int index = 1;
        for (Rank rank : ranks) {
            select.setLong(index++, rank.rowid());
        }
        while (index <= slots) {
            select.setLong(index++, -1);
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(ChunkRows.read(row), scores.get(row.getLong(ChunkRows.COLUMN_COUNT + 1)),
                        row.getInt(ChunkRows.COLUMN_COUNT + 2)));
            }
        }
        return rows;
    }

    /** Whether any chunk lives in a namespace the filter hides; an index range probe, so it costs microseconds. */
    private static boolean hiddenRowsExist(Session session, NamespaceFilter namespaces) throws SQLException {
        PreparedStatement exists = session.prepare(
                "SELECT EXISTS (SELECT 1 FROM chunks c WHERE " + namespaces.hiddenSql("c.namespace") + ")");
        ChunkStore.bind(exists, namespaces.hiddenParams(), 1);
        try (ResultSet row = exists.executeQuery()) {
            return row.next() && row.getInt(1) == 1;
        }
    }

    /** How many matches of the expression in the requested scopes live in the hidden namespaces (for the hint). */
    private static long hiddenMatches(Session session, String match, NamespaceFilter namespaces, ScopeFilter scopes)
            throws SQLException {
        PreparedStatement count = session.prepare("SELECT count(*) FROM chunks_fts"
                + " JOIN chunks c ON c.rowid = chunks_fts.rowid"
                + " WHERE chunks_fts MATCH ? AND " + namespaces.hiddenSql("c.namespace") + " AND "
                + scopes.sql("c.scope"));
        count.setString(1, match);
        int next = ChunkStore.bind(count, namespaces.hiddenParams(), 2);
        ChunkStore.bind(count, scopes.params(), next);
        try (ResultSet row = count.executeQuery()) {
            return row.next() ? row.getLong(1) : 0L;
        }
    }
}
