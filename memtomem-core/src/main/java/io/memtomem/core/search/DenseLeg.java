package io.memtomem.core.search;

import io.memtomem.core.embed.EmbeddingService;
import io.memtomem.core.scope.ScopeFilter;
import io.memtomem.core.search.hybrid.Scored;
import io.memtomem.core.store.ChunkRows;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dense leg (memory-core §5.3): exact cosine over the in-memory matrix with the namespace and scope filters
 * applied inside the scan, then the chunk rows for the winners. Only chunks that already have vectors can appear.
 */
final class DenseLeg {

    private final Database database;
    private final EmbeddingService embeddings;

    DenseLeg(Database database, EmbeddingService embeddings) {
        this.database = database;
        this.embeddings = embeddings;
    }

    /** Best first; throws {@code EmbeddingException} when the query cannot be embedded. */
    List<Bm25Leg.Candidate> search(String query, NamespaceFilter namespaces, ScopeFilter scopes, int limit) {
        List<Scored<Long>> ranked = embeddings.search(query, namespaces, scopes, limit);
        return database.read("reading dense results", session -> {
            PreparedStatement statement = session.prepare("SELECT " + ChunkRows.COLUMNS
                    + " FROM chunks c WHERE c.rowid = ?");
            List<Bm25Leg.Candidate> candidates = new ArrayList<>(ranked.size());
            for (Scored<Long> hit : ranked) {
                statement.setLong(1, hit.key());
                try (ResultSet row = statement.executeQuery()) {
                    // a chunk deleted since the matrix caught up simply drops out
                    if (row.next()) {
                        candidates.add(new Bm25Leg.Candidate(ChunkRows.read(row), hit.score()));
                    }
                }
            }
            // equal similarities (duplicate text) would otherwise follow load order, which differs between stores
            candidates.sort(Comparator.comparingDouble((Bm25Leg.Candidate c) -> -c.score())
                    .thenComparing(Bm25Leg.Candidate::chunk, ChunkRows.STABLE_TIE_ORDER));
            return candidates;
        });
    }
}
