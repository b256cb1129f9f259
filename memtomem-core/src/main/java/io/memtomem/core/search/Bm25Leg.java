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
import java.util.List;

/**
 * The BM25 leg (memory-core.md §5.2): FTS5 MATCH with the namespace and scope predicates inside the SQL, ordered by
 * rank, scope priority and then (unlike the reference, which falls back to the random chunk id) source path and
 * start line, AND first with an OR fallback for multi-word queries; score = {@code abs(rank)}.
 *
 * <p>{@code bm25(chunks_fts)} is the reference's {@code rank} (FTS5's default rank function) but lets SQLite keep
 * only the top rows while sorting, where {@code ORDER BY rank} makes FTS5 sort every match itself. Ranking runs on
 * rowids and sort keys only, and only as deep as the {@link Depth} asks; full rows are read only for the candidates
 * the caller will use, since reading a row costs more than ranking it. When no row can be filtered out (no namespace
 * or scope pinned and no rows in hidden namespaces) the ranking skips the join entirely and breaks rank ties in Java
 * on a page one row longer than it needs, falling back to the joined query if a tie group reaches past it.
 */
final class Bm25Leg {

    /** One candidate: the chunk and its score ({@code abs(rank)}). */
    record Candidate(StoredChunk chunk, double score) {
    }

    /**
     * How far to rank: the best {@code wanted} candidates are read; when {@code counted}, every candidate up to
     * {@code limit} is ranked so {@link Result#found} is exact, otherwise ranking stops one candidate past the wanted
     * ones, which is enough to tell whether more exist.
     */
    record Depth(int limit, int wanted, boolean counted) {
        private static final int TIE_SLACK = 5;

        Depth {
            if (wanted < 1 || wanted > limit) {
                throw new IllegalArgumentException("wanted " + wanted + " must be in 1.." + limit);
            }
        }

        /** Rows the joined (fully ordered) ranking returns. */
        int filteredPage() {
            return counted ? limit : Math.min(limit, wanted + 1);
        }

        /**
         * Rows the unjoined ranking returns: a few more than it needs, since equal scores are common (chunks of the
         * same length holding a term once) and the ties at the cut must be ordered in Java, plus one to see whether
         * a tie group runs past the page.
         */
        int unfilteredPage() {
            return (counted ? limit : Math.min(limit, wanted + TIE_SLACK)) + 1;
        }
    }

    /**
     * The best {@code wanted} candidates in order, how many candidates the leg ranked ({@code found <= limit}: exact
     * when counted, otherwise at most one past the read ones), and how many matches were hidden in system namespaces.
     */
    record Result(List<Candidate> candidates, int found, long hiddenMatches) {
        static final Result NONE = new Result(List.of(), 0, 0);

        /** Candidates ranked but not read; more than zero means the leg has more to give. */
        int unread() {
            return found - candidates.size();
        }
    }

    /** A ranked rowid, best first. */
    private record Rank(long rowid, double score) {
    }

    /** The leading ranks of a ranking query, how many rows it returned and whether it saw hidden rows. */
    private record Page(List<Rank> leading, int rows, boolean hiddenRowsExist) {
    }

    /** The leading rows of a ranking in order, how many candidates it holds, and what it knows of hidden rows. */
    private record Ranking(List<Row> rows, int found, boolean hiddenRowsExist) {
        static final Ranking NONE = new Ranking(List.of(), 0, false);
    }

    /** A fetched row with the keys of the reference's ORDER BY. */
    private record Row(StoredChunk chunk, double rank, int scopePriority) {
    }

    /** Ranks one MATCH expression. */
    @FunctionalInterface
    private interface Ranker {
        Ranking rank(String match) throws SQLException;
    }

    /** Rank, then scope priority, then the stable tie order (written out: see {@code ChunkRows.STABLE_TIE_ORDER}). */
    private static final Comparator<Row> ORDER = (a, b) -> {
        int order = Double.compare(a.rank(), b.rank());
        if (order == 0) {
            order = Integer.compare(a.scopePriority(), b.scopePriority());
        }
        return order != 0 ? order : ChunkRows.STABLE_TIE_ORDER.compare(a.chunk(), b.chunk());
    };

    private final Database database;
    /**
     * Whether the last look at the store found rows in hidden namespaces: searches then filter in SQL at once
     * instead of first trying the cheaper unjoined ranking. Only a guess about the next search, so races are harmless.
     */
    private volatile boolean hiddenRowsSeen;

    Bm25Leg(Database database) {
        this.database = database;
    }

    Result search(String query, NamespaceFilter namespaces, ScopeFilter scopes, Depth depth) {
        FtsQuery fts = FtsQuery.parse(query);
        if (fts.isEmpty()) {
            return Result.NONE;
        }
        boolean retryWithOr = query.contains(" ");
        return database.read("searching", session -> {
            boolean narrowed = namespaces.isPinned() || !scopes.isEmpty();
            Ranker unfiltered = match -> unfiltered(session, match, namespaces, depth);
            if (!narrowed && !hiddenRowsSeen) {
                // the ranking reports whether hidden rows exist; only then is it redone with the filter in SQL
                Ranked plain = rankAndOr(fts, retryWithOr, unfiltered);
                if (!plain.ranking().hiddenRowsExist()) {
                    return plain.result(0);
                }
                hiddenRowsSeen = true;
            }
            boolean hiddenRowsExist = false;
            if (namespaces.hidesSystemNamespaces()) {
                hiddenRowsExist = hiddenRowsExist(session, namespaces);
                hiddenRowsSeen = hiddenRowsExist;
            }
            if (!narrowed && !hiddenRowsExist) {
                return rankAndOr(fts, retryWithOr, unfiltered).result(0);
            }
            Ranked ranked = rankAndOr(fts, retryWithOr, match -> filtered(session, match, namespaces, scopes, depth));
            return ranked.result(hiddenRowsExist ? hiddenMatches(session, ranked.match(), namespaces, scopes) : 0);
        });
    }

    /** A ranking and the MATCH expression that produced it. */
    private record Ranked(Ranking ranking, String match) {
        Result result(long hiddenMatches) {
            List<Candidate> candidates = new ArrayList<>(ranking.rows().size());
            for (Row row : ranking.rows()) {
                candidates.add(new Candidate(row.chunk(), Math.abs(row.rank())));
            }
            return new Result(candidates, ranking.found(), hiddenMatches);
        }
    }

    /** All words first; any word when nothing matched all of several. */
    private static Ranked rankAndOr(FtsQuery fts, boolean retryWithOr, Ranker ranker) throws SQLException {
        Ranking ranking = ranker.rank(fts.and());
        if (ranking.found() == 0 && retryWithOr) {
            return new Ranked(ranker.rank(fts.or()), fts.or());
        }
        return new Ranked(ranking, fts.and());
    }

    /**
     * Ranks without the join; its one extra column (the same for every row, computed once) says whether any chunk
     * lives in a hidden namespace, in which case the caller must not use this ranking.
     */
    private static Ranking unfiltered(Session session, String match, NamespaceFilter namespaces, Depth depth)
            throws SQLException {
        PreparedStatement ranked = session.prepare("SELECT rowid, bm25(chunks_fts) AS score, ("
                + hiddenRowsProbe(namespaces) + ") FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY score LIMIT ?");
        int next = ChunkStore.bind(ranked, namespaces.hiddenParams(), 1);
        ranked.setString(next, match);
        ranked.setInt(next + 1, depth.unfilteredPage());
        Page page = page(ranked, depth.wanted(), true);
        int found = Math.min(depth.limit(), page.rows());
        int cut = Math.min(depth.wanted(), found);
        if (cut == 0 || page.hiddenRowsExist()) {
            return new Ranking(List.of(), found, page.hiddenRowsExist());
        }
        List<Rank> leading = page.leading();
        if (leading.size() == depth.unfilteredPage()) {
            return new Ranking(withWholeTieGroup(session, match, leading.get(cut - 1).score(), cut), found, false);
        }
        List<Row> rows = rows(session, leading);
        return new Ranking(rows.subList(0, Math.min(cut, rows.size())), found, false);
    }

    private static Ranking filtered(Session session, String match, NamespaceFilter namespaces, ScopeFilter scopes,
                                    Depth depth) throws SQLException {
        // FTS5 cannot MATCH through a table alias, so chunks_fts keeps its name
        PreparedStatement ranked = session.prepare("SELECT c.rowid, bm25(chunks_fts) AS score FROM chunks_fts"
                + " JOIN chunks c ON c.rowid = chunks_fts.rowid"
                + " WHERE chunks_fts MATCH ? AND " + namespaces.sql("c.namespace") + " AND " + scopes.sql("c.scope")
                + " ORDER BY score, " + ChunkRows.SCOPE_PRIORITY + ", " + ChunkRows.STABLE_TIES + " LIMIT ?");
        ranked.setString(1, match);
        int next = ChunkStore.bind(ranked, namespaces.params(), 2);
        next = ChunkStore.bind(ranked, scopes.params(), next);
        ranked.setInt(next, depth.filteredPage());
        Page page = page(ranked, depth.wanted(), false);
        List<Rank> best = page.leading().subList(0, Math.min(depth.wanted(), page.leading().size()));
        return new Ranking(rows(session, best), page.rows(), false);
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
                + " ORDER BY f.score, " + ChunkRows.SCOPE_PRIORITY + ", " + ChunkRows.STABLE_TIES + " LIMIT ?");
        ranked.setString(1, match);
        ranked.setDouble(2, cutScore);
        ranked.setInt(3, limit);
        return rows(session, page(ranked, limit, false).leading());
    }

    /**
     * Steps a ranking in score order: rowid and score of the first {@code wanted} rows and of every row tied with
     * the last of them (they compete for its place on scope and id), then only counts the rest. With
     * {@code probed}, the third column of the first row says whether hidden rows exist.
     */
    private static Page page(PreparedStatement ranked, int wanted, boolean probed) throws SQLException {
        List<Rank> leading = new ArrayList<>();
        int rows = 0;
        boolean reading = true;
        boolean hiddenRowsExist = false;
        try (ResultSet row = ranked.executeQuery()) {
            while (row.next()) {
                if (rows++ == 0 && probed) {
                    hiddenRowsExist = row.getInt(3) == 1;
                }
                if (reading) {
                    double score = row.getDouble(2);
                    reading = leading.size() < wanted || score == leading.get(wanted - 1).score();
                    if (reading) {
                        leading.add(new Rank(row.getLong(1), score));
                    }
                }
            }
        }
        return new Page(leading, rows, hiddenRowsExist);
    }

    /** Reads the full rows of the ranked rowids, in the reference's order. */
    private static List<Row> rows(Session session, List<Rank> ranks) throws SQLException {
        if (ranks.isEmpty()) {
            return List.of();
        }
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
        List<Row> rows = new ArrayList<>(ranks.size());
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                StoredChunk chunk = ChunkRows.read(row);
                rows.add(new Row(chunk, scoreOf(ranks, row.getLong(ChunkRows.COLUMN_COUNT + 1)),
                        row.getInt(ChunkRows.COLUMN_COUNT + 2)));
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private static double scoreOf(List<Rank> ranks, long rowid) {
        for (Rank rank : ranks) {
            if (rank.rowid() == rowid) {
                return rank.score();
            }
        }
        throw new IllegalStateException("row " + rowid + " was not ranked");
    }

    /** SQL for 1 when any chunk lives in a namespace the filter hides, else 0; its parameters are the hidden ranges. */
    private static String hiddenRowsProbe(NamespaceFilter namespaces) {
        return "SELECT EXISTS (SELECT 1 FROM chunks c WHERE " + namespaces.hiddenSql("c.namespace") + ")";
    }

    /** Whether any chunk lives in a namespace the filter hides; an index range probe, so it costs microseconds. */
    private static boolean hiddenRowsExist(Session session, NamespaceFilter namespaces) throws SQLException {
        PreparedStatement exists = session.prepare(hiddenRowsProbe(namespaces));
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
