package io.memtomem.core.search;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.config.SearchConfig;
import io.memtomem.core.scope.ScopeFilter;
import io.memtomem.core.store.ChunkRows;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.Session;
import io.memtomem.core.store.SourceFilter;
import io.memtomem.core.store.StoredChunk;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Date browse (memory-core.md §5.7): every filter runs in SQL before the limit, newest first, ties broken by scope
 * priority then id (descending).
 */
public final class RecallService {
    public static final int MAX_LIMIT = 500;

    private final SearchConfig search;
    private final Database database;

    public RecallService(SearchConfig search, Database database) {
        this.search = search;
        this.database = database;
    }

    public RecallResponse recall(RecallRequest request) {
        if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got "
                    + request.limit());
        }
        String since = DateBounds.since(request.since());
        String until = DateBounds.until(request.until());
        if (since != null && until != null && since.compareTo(until) >= 0) {
            throw new InvalidInputException("since", "since (" + request.since() + ") must be before until ("
                    + request.until() + ")");
        }
        NamespaceFilter namespaces = NamespaceFilter.parse(request.namespace(), search.systemNamespacePrefixes());
        Conditions conditions = new Conditions(since, until, SourceFilter.parse(request.sourceFilter()),
                TagFilter.parse(request.tagFilter()), ScopeFilter.parse("scope", request.scope()));
        List<StoredChunk> chunks = database.read("recalling memories", session -> {
            PreparedStatement statement = session.prepare("SELECT " + ChunkRows.COLUMNS + " FROM chunks c WHERE "
                    + namespaces.sql("c.namespace") + conditions.sql() + " ORDER BY c.created_at DESC, "
                    + ChunkRows.SCOPE_PRIORITY + ", c.id DESC LIMIT ?");
            int next = ChunkStore.bind(statement, namespaces.params(), 1);
            next = ChunkStore.bind(statement, conditions.params(session), next);
            statement.setInt(next, request.limit());
            List<StoredChunk> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(ChunkRows.read(row));
                }
            }
            return rows;
        });
        List<String> hints = new ArrayList<>();
        HiddenNamespaceHint.of(hiddenCount(namespaces, conditions), namespaces).ifPresent(hints::add);
        return new RecallResponse(chunks, since, until, hints);
    }

    private long hiddenCount(NamespaceFilter namespaces, Conditions conditions) {
        if (!namespaces.hidesSystemNamespaces()) {
            return 0;
        }
        return database.read("counting hidden memories", session -> {
            PreparedStatement statement = session.prepare("SELECT count(*) FROM chunks c WHERE "
                    + namespaces.hiddenSql("c.namespace") + conditions.sql());
            int next = ChunkStore.bind(statement, namespaces.hiddenParams(), 1);
            ChunkStore.bind(statement, conditions.params(session), next);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    /** The date, source, tag and scope predicates, each present only when requested. */
    private record Conditions(String since, String until, SourceFilter sources, TagFilter tags, ScopeFilter scopes) {
        String sql() {
            StringBuilder sql = new StringBuilder();
            if (since != null) {
                sql.append(" AND c.created_at >= ?");
            }
            if (until != null) {
                sql.append(" AND c.created_at < ?");
            }
            if (!sources.matchesEverything()) {
                sql.append(" AND ").append(sources.sql("c.source_file"));
            }
            if (!tags.isEmpty()) {
                sql.append(" AND ").append(tags.sql("c.tags"));
            }
            if (!scopes.isEmpty()) {
                sql.append(" AND ").append(scopes.sql("c.scope"));
            }
            return sql.toString();
        }

        List<Object> params(Session session) throws SQLException {
            List<Object> params = new ArrayList<>();
            if (since != null) {
                params.add(since);
            }
            if (until != null) {
                params.add(until);
            }
            if (!sources.matchesEverything()) {
                params.add(sources.sqlParam(session));
            }
            params.addAll(tags.params());
            params.addAll(scopes.params());
            return params;
        }
    }
}
