package io.memtomem.core.embed;

import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.scope.ScopeFilter;
import io.memtomem.core.search.hybrid.DenseHit;
import io.memtomem.core.search.hybrid.Scored;
import io.memtomem.core.store.ChunkStore;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.MetaTable;
import io.memtomem.core.store.NamespaceFilter;
import io.memtomem.core.store.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Everything vector-related for one open store: the configured provider, the identity recorded in the store, the
 * background embedder and the in-memory matrix the dense leg scans.
 *
 * <p>On open the stored identity is compared with the configured one (memory-core §6.3); a fresh store records the
 * configured identity. Any difference in provider, model, dimension or policy is a <em>mismatch</em>: the dense leg
 * is off, no vector is written and status warns, until {@link #reset()} re-embeds everything with the configured
 * model. BM25 is never affected.
 *
 * <p>Embedding starts on {@link #chunksChanged()} or the embedder's first poll, not on open, so short-lived
 * commands ({@code mm status}, {@code mm search}) never begin a batch they would have to abandon.
 */
public final class EmbeddingService implements AutoCloseable {

    public static final String RESET_FIX = "run `mm embedding-reset` (MCP: mem_do embedding_reset) to re-embed"
            + " every chunk with the configured model";

    private final Database database;
    private final MetaTable meta;
    private final EmbeddingProvider provider;
    private final EmbeddingIdentity configured;
    private final int batchSize;
    private volatile EmbeddingIdentity stored;
    private volatile DenseVectors vectors;
    private volatile BackgroundEmbedder embedder;

    private EmbeddingService(Database database, EmbeddingProvider provider, int batchSize) {
        this.database = database;
        this.meta = new MetaTable(database);
        this.provider = provider;
        this.configured = EmbeddingIdentity.of(provider);
        this.batchSize = batchSize;
    }

    /**
     * Creates the vector tables if needed, settles the stored identity and starts embedding pending chunks; on a
     * read-only database only reads what is there.
     */
    public static EmbeddingService open(Database database, EmbeddingProvider provider, int batchSize) {
        EmbeddingService service = new EmbeddingService(database, provider, batchSize);
        // only a store without them takes the write lock: a search or status opens without waiting for any writer
        if (!database.readOnly() && !database.read("checking the vector tables", VectorTable::exists)) {
            database.write("creating the vector tables", session -> {
                VectorTable.create(session);
                return null;
            });
        }
        service.stored = EmbeddingIdentity.fromMeta(service.meta.all()).orElseGet(() -> {
            if (!database.readOnly()) {
                service.meta.put(service.configured.toMeta(), false);
            }
            return service.configured;
        });
        service.startIfUsable();
        return service;
    }

    private void startIfUsable() {
        if (!mismatch() && configured.producesVectors()) {
            vectors = new DenseVectors(database, configured.dimension());
            // a read-only store keeps the vectors it has for search; nothing new can be stored
            embedder = database.readOnly() ? null : new BackgroundEmbedder(database, provider, batchSize);
        }
    }

    public EmbeddingIdentity configured() {
        return configured;
    }

    public EmbeddingIdentity stored() {
        return stored;
    }

    public boolean mismatch() {
        return !stored.equals(configured);
    }

    /** True when a dense leg can run: a real provider whose vectors match the store. */
    public boolean denseAvailable() {
        return vectors != null;
    }

    /** Indexing committed new or changed chunks: embed them in the background. */
    public void chunksChanged() {
        BackgroundEmbedder current = embedder;
        if (current != null) {
            current.wake();
        }
    }

    /** Embeds every pending chunk now, on the caller's thread; throws the provider's error (benchmarks, tests). */
    public void embedPending() {
        BackgroundEmbedder current = embedder;
        if (current != null) {
            current.drainNow(EmbedProgressListener.NONE);
        }
    }

    /**
     * Embeds every pending chunk now, on the caller's thread, so a short-lived process ({@code mm index},
     * {@code mm add}) leaves no chunk without a vector. A provider failure stops the run and is reported, not thrown:
     * what was embedded stays stored and BM25 has every chunk anyway.
     */
    public EmbedRun embedPending(EmbedProgressListener listener) {
        BackgroundEmbedder current = embedder;
        if (current == null) {
            return EmbedRun.NOTHING;
        }
        long start = System.nanoTime();
        // counted before the drain: a background pass already in flight may embed some of them first
        long before = state().vectorsPending();
        String failure = null;
        try {
            current.drainNow(listener);
        } catch (EmbeddingException e) {
            failure = e.getMessage();
        }
        long pending = failure == null ? 0 : state().vectorsPending();
        return new EmbedRun(Math.max(0, before - pending), pending, (System.nanoTime() - start) / 1_000_000,
                Optional.ofNullable(failure));
    }

    /**
     * Chunks the dense leg cannot find yet because they have no vector, as of the matrix the last dense search
     * scanned: the chunk count minus the vectors loaded, so a search pays for one count, not a join. Zero when no
     * dense leg runs.
     */
    public long pendingForSearch() {
        DenseVectors current = vectors;
        if (current == null) {
            return 0;
        }
        long chunks = database.read("counting chunks", VectorTable::chunkCount);
        return Math.max(0, chunks - current.loadedChunks());
    }

    /**
     * The dense leg: the {@code k} chunks closest to {@code query} among those the namespace and scope filters admit,
     * with the reference's {@code 1/(1+L2)} score. Empty when the dense leg is unavailable.
     */
    public List<Scored<Long>> search(String query, NamespaceFilter namespaces, ScopeFilter scopes, int k) {
        DenseVectors current = vectors;
        if (current == null) {
            return List.of();
        }
        float[] queryVector = provider.embed(List.of(query)).get(0);
        LongPredicate filter = database.read("filtering the dense leg by namespace and scope",
                session -> scopes.isEmpty() ? namespacePredicate(session, namespaces)
                        : admitted(session, namespaces, scopes));
        List<Scored<Long>> ranked = new ArrayList<>();
        for (DenseHit hit : current.current().search(queryVector, k, filter)) {
            ranked.add(new Scored<>(hit.rowid(), hit.score()));
        }
        return ranked;
    }

    /** Null when every row passes; otherwise membership in the (usually small) excluded or admitted set. */
    private static LongPredicate namespacePredicate(Session session, NamespaceFilter namespaces) throws SQLException {
        String admitted = namespaces.sql("namespace");
        if (admitted.equals("1")) {
            return null;
        }
        if (namespaces.hidesSystemNamespaces()) {
            RowidSet hidden = rowids(session, namespaces.hiddenSql("namespace"), namespaces.hiddenParams());
            return hidden.isEmpty() ? null : rowid -> !hidden.contains(rowid);
        }
        RowidSet allowed = rowids(session, admitted, namespaces.params());
        return allowed::contains;
    }

    /** With a scope pinned, the admitted rows are read outright: both predicates apply in one query. */
    private static LongPredicate admitted(Session session, NamespaceFilter namespaces, ScopeFilter scopes)
            throws SQLException {
        List<Object> params = new ArrayList<>(namespaces.params());
        params.addAll(scopes.params());
        RowidSet allowed = rowids(session, namespaces.sql("namespace") + " AND " + scopes.sql("scope"), params);
        return allowed::contains;
    }

    private static RowidSet rowids(Session session, String where, List<Object> params) throws SQLException {
        PreparedStatement statement = session.prepare("SELECT rowid FROM chunks WHERE " + where);
        ChunkStore.bind(statement, params);
        List<Long> rowids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rowids.add(rows.getLong(1));
            }
        }
        return new RowidSet(rowids.stream().mapToLong(Long::longValue).toArray());
    }

    /** A hint for search results while the dense leg is off because of a mismatch; empty otherwise. */
    public Optional<String> mismatchHint() {
        return mismatch()
                ? Optional.of("dense retrieval did not contribute: embedding mismatch (stored " + stored.describe()
                + ", configured " + configured.describe() + "). Fix: " + RESET_FIX)
                : Optional.empty();
    }

    /** The provider error that keeps chunks pending, until a later pass succeeds. */
    public Optional<String> failure() {
        BackgroundEmbedder current = embedder;
        return current == null ? Optional.empty() : Optional.ofNullable(current.lastFailure());
    }

    public EmbeddingState state() {
        long[] counts = database.read("counting vectors", session -> new long[] {
                VectorTable.storedCount(session),
                configured.producesVectors() ? VectorTable.pendingCount(session) : 0});
        return new EmbeddingState(stored.provider(), stored.model(), stored.dimension(), configured.provider(),
                configured.model(), configured.dimension(), mismatch(), counts[0], counts[1]);
    }

    /**
     * Drops every vector, records the configured identity and re-embeds all chunks with it. A provider failure
     * part-way leaves the rest pending for the background embedder and is reported by {@link #failure()}.
     */
    public synchronized EmbeddingState reset(EmbedProgressListener listener) {
        closeWorkers();
        database.write("resetting vectors", session -> {
            VectorTable.clear(session);
            return null;
        });
        meta.put(configured.toMeta(), true);
        stored = configured;
        startIfUsable();
        if (embedPending(listener).failure().isPresent()) {
            chunksChanged();
        }
        return state();
    }

    private void closeWorkers() {
        BackgroundEmbedder current = embedder;
        embedder = null;
        vectors = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void close() {
        closeWorkers();
        provider.close();
    }
}
