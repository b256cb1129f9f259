package io.memtomem.core.embed;

import io.memtomem.core.chunk.Chunk;
import io.memtomem.core.embed.provider.NoneProvider;
import io.memtomem.core.search.hybrid.Scored;
import io.memtomem.core.search.hybrid.VectorCodec;
import io.memtomem.core.scope.ScopeFilter;
import io.memtomem.core.store.ChunkWriter;
import io.memtomem.core.store.SourceStamp;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.NamespaceFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingServiceTest {

    private static final NamespaceFilter ANY_VISIBLE = NamespaceFilter.parse(null, List.of("archive:"));

    @TempDir
    Path dir;
    private Database database;
    private EmbeddingService service;

    @BeforeEach
    void openStore() {
        database = Database.open(dir.resolve("memtomem.db"));
        insert("default", "Blue-green deployment switches traffic after health checks");
        insert("default", "Redis maxmemory policy and eviction monitoring");
        insert("archive:old", "Blue-green deployment notes from the archive");
        insert("team", "Postgres unused indexes slow down writes");
    }

    @AfterEach
    void closeStore() {
        if (service != null) {
            service.close();
        }
        database.close();
    }

    private long insert(String namespace, String text) {
        return insert(namespace, SourceStamp.USER, text);
    }

    private long insert(String namespace, SourceStamp stamp, String text) {
        Chunk chunk = new Chunk(text, List.of("# Notes"), "markdown_section", 1, 1, List.of());
        database.write("test insert", session -> ChunkWriter.insert(session, UUID.randomUUID().toString(), chunk,
                chunk.contentHash(), namespace, stamp, dir.resolve(namespace.replace(':', '_') + ".md").toString(),
                "2026-01-01T00:00:00.000000+00:00"));
        return database.read("rowid", session -> {
            try (var rows = session.prepare("SELECT max(rowid) FROM chunks").executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private EmbeddingService open(HashingProvider provider) {
        service = EmbeddingService.open(database, provider, 2);
        return service;
    }

    private List<Long> search(String query, NamespaceFilter filter) {
        return service.search(query, filter, ScopeFilter.ALL, 10).stream().map(Scored::key).collect(Collectors.toList());
    }

    @Test
    void embedsPendingChunksAndFindsTheClosest() {
        open(new HashingProvider("bow", 64)).embedPending();

        assertEquals(new EmbeddingState("ollama", "bow", 64, "ollama", "bow", 64, false, 4, 0), service.state());
        List<Long> hits = search("redis eviction", ANY_VISIBLE);
        assertEquals(2L, hits.get(0));
        assertFalse(hits.contains(3L), "system namespaces stay hidden unless pinned");
        assertEquals(List.of(4L), search("postgres", NamespaceFilter.parse("team", List.of("archive:"))).subList(0, 1));
        assertEquals(3, search("notes", NamespaceFilter.parse("default,team", List.of())).size());
    }

    @Test
    void aScopeFilterAdmitsOnlyRowsOfThoseScopesTogetherWithTheNamespaceFilter() {
        long shared = insert("default", new SourceStamp("project_shared", "/p", null, null), "Redis eviction in app");
        long local = insert("archive:old", new SourceStamp("project_local", "/p", null, null), "Redis eviction local");
        open(new HashingProvider("bow", 64)).embedPending();
        List<Long> projectOnly = service.search("redis eviction", ANY_VISIBLE,
                ScopeFilter.parse("scope", "project_shared,project_local"), 10).stream().map(Scored::key).toList();
        assertEquals(List.of(shared), projectOnly, "the local row is in a hidden namespace");
        List<Long> pinned = service.search("redis eviction", NamespaceFilter.parse("archive:old", List.of()),
                ScopeFilter.parse("scope", "project_local"), 10).stream().map(Scored::key).toList();
        assertEquals(List.of(local), pinned);
    }

    @Test
    void newAndDeletedChunksReachTheMatrixThroughTheChangeLog() {
        open(new HashingProvider("bow", 64)).embedPending();
        assertEquals(2L, search("redis eviction", ANY_VISIBLE).get(0));

        long added = insert("default", "Redis eviction storms during peak traffic");
        assertEquals(1, service.state().vectorsPending());
        service.embedPending();
        database.write("test delete", session -> {
            ChunkWriter.delete(session, 2);
            return null;
        });

        List<Long> hits = search("redis eviction", ANY_VISIBLE);
        assertEquals(added, hits.get(0));
        assertFalse(hits.contains(2L));
        assertEquals(4, service.state().vectorsStored());
    }

    @Test
    void aStoredVectorWithANonFiniteValueIsLeftOutInsteadOfFailingTheSearch() {
        open(new HashingProvider("bow", 64)).embedPending();
        float[] broken = new float[64];
        broken[0] = Float.NaN;
        database.write("test corrupt vector", session -> {
            PreparedStatement update = session.prepare("UPDATE chunk_vectors SET vector = ? WHERE chunk_rowid = 2");
            update.setBytes(1, VectorCodec.encode(broken));
            return update.executeUpdate();
        });

        List<Long> hits = search("redis eviction", ANY_VISIBLE);
        assertFalse(hits.isEmpty());
        assertFalse(hits.contains(2L));
    }

    /** A process still on an older model may write a vector of its width; one of whole windows of ours is fine. */
    @Test
    void aStoredVectorOfAnotherWidthIsLeftOutAndOneOfSeveralWindowsIsSearched() {
        open(new HashingProvider("bow", 64)).embedPending();
        float[] windows = new float[2 * 64];
        System.arraycopy(HashingProvider.vector("Redis eviction", 64), 0, windows, 64, 64);
        database.write("test foreign vectors", session -> {
            PreparedStatement update = session.prepare("UPDATE chunk_vectors SET vector = ? WHERE chunk_rowid = ?");
            update.setBytes(1, VectorCodec.encode(new float[48]));
            update.setLong(2, 2);
            update.executeUpdate();
            update.setBytes(1, VectorCodec.encode(windows));
            update.setLong(2, 4);
            return update.executeUpdate();
        });

        List<Long> hits = search("redis eviction", ANY_VISIBLE);
        assertFalse(hits.contains(2L), hits::toString);
        assertEquals(4L, hits.get(0), "its second window is the query's words");
    }

    @Test
    void aChangedModelIsAMismatchUntilReset() {
        open(new HashingProvider("bow", 64)).embedPending();
        service.close();

        HashingProvider wider = new HashingProvider("bow-wide", 128);
        open(wider);

        EmbeddingState state = service.state();
        assertTrue(state.mismatch());
        assertEquals("bow", state.storedModel());
        assertEquals(128, state.configuredDimension());
        assertFalse(service.denseAvailable());
        assertTrue(search("redis", ANY_VISIBLE).isEmpty());
        assertTrue(service.mismatchHint().orElseThrow().contains("mm embedding-reset"));
        assertTrue(service.mismatchHint().orElseThrow().contains("stored ollama/bow (64-d"));
        assertEquals(0, wider.calls, "no vector is written while the models disagree");

        EmbeddingState afterReset = service.reset(EmbedProgressListener.NONE);

        assertEquals(new EmbeddingState("ollama", "bow-wide", 128, "ollama", "bow-wide", 128, false, 4, 0),
                afterReset);
        assertEquals(2L, search("redis eviction", ANY_VISIBLE).get(0));
        assertEquals("bow-wide", EmbeddingIdentity.fromMeta(new io.memtomem.core.store.MetaTable(database).all())
                .orElseThrow().model());
    }

    @Test
    void aBm25OnlyStoreNeedsAResetBeforeItGetsVectors() {
        service = EmbeddingService.open(database, new NoneProvider(), 2);
        assertEquals("none", service.state().storedProvider());
        service.close();

        open(new HashingProvider("bow", 64));
        assertTrue(service.mismatch());
        assertEquals(0, service.state().vectorsStored());

        assertEquals(4, service.reset(EmbedProgressListener.NONE).vectorsStored());
        assertEquals("ollama", service.state().storedProvider());
    }

    @Test
    void providerFailuresLeaveChunksPendingAndWarn() throws InterruptedException {
        HashingProvider provider = new HashingProvider("bow", 64);
        provider.failing = true;
        open(provider).chunksChanged();

        for (int i = 0; i < 100 && service.failure().isEmpty(); i++) {
            Thread.sleep(20);
        }

        assertEquals(4, service.state().vectorsPending());
        assertTrue(service.failure().orElseThrow().contains("connection failed"), service.failure().toString());
        provider.failing = false;
        service.embedPending();
        assertEquals(0, service.state().vectorsPending());
        assertTrue(service.failure().isEmpty());
    }
}
