package io.memtomem.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BiConsumer;

/**
 * Document frequencies of the full-text index: an {@code fts5vocab} table over {@code chunks_fts} (type
 * {@code col}) counts, per term, the chunks whose retrieval text holds it. It lives in each connection's
 * {@code temp} schema, so the shared database file never gains a table (a foreign {@code reset} would fail on a
 * read-only virtual table); read-only connections must attach it before {@code query_only} forbids creating it.
 */
public final class TermVocabulary {
    private TermVocabulary() {
    }

    static void attach(Session session) throws SQLException {
        session.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_fts_vocab"
                + " USING fts5vocab(main, chunks_fts, 'col')");
    }

    /** Chunks whose text holds {@code term} (a lower-cased, diacritic-free unicode61 token); 0 when none. */
    public static long documentFrequency(Session session, String term) throws SQLException {
        PreparedStatement statement = session.prepare(
                "SELECT doc FROM temp.chunks_fts_vocab WHERE term = ? AND col = 'content'");
        statement.setString(1, term);
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** Every term of the index with its document frequency, in one scan. */
    public static void allDocumentFrequencies(Session session, BiConsumer<String, Long> sink) throws SQLException {
        try (ResultSet row = session.prepare("SELECT term, doc FROM temp.chunks_fts_vocab WHERE col = 'content'")
                .executeQuery()) {
            while (row.next()) {
                sink.accept(row.getString(1), row.getLong(2));
            }
        }
    }

    /** The number of indexed chunks, the N of inverse document frequency. */
    public static long documentCount(Session session) throws SQLException {
        try (ResultSet row = session.prepare("SELECT count(*) FROM chunks").executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
