package io.memtomem.core;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.store.IndexStats;
import io.memtomem.core.store.NamespaceCount;
import io.memtomem.core.store.SourceSummary;
import io.memtomem.core.store.ChunkNeighbourhood;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.core.store.TagCount;
import io.memtomem.core.write.AddRequest;
import io.memtomem.core.write.AddResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemtomemTest {
    private static final String BODY = " words that keep every section long enough to stay its own chunk.".repeat(8);

    @TempDir
    Path home;

    private Path notes() {
        return home.resolve("notes");
    }

    private Memtomem openWithFile() {
        write(notes().resolve("a.md"), "## One\n\n> tags: [\"t1\"]\n\none" + BODY + "\n\n## Two\n\ntwo" + BODY
                + "\n\n## Three\n\n> tags: [\"t1\", \"t2\"]\n\nthree" + BODY + "\n");
        Memtomem memtomem = Memtomem.open(TestStores.withNotes(home));
        memtomem.index(new IndexRequest(notes(), true, false, null), null);
        return memtomem;
    }

    @Test
    void openCreatesThePrivateStoreDirectoryAndDatabase() throws Exception {
        try (Memtomem memtomem = Memtomem.open(TestStores.config(home))) {
            Path store = home.resolve(".memtomem");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
            assertTrue(Files.exists(store.resolve("memtomem.db")));
            assertEquals(memtomem.config().storage().sqlitePath(), store.resolve("memtomem.db"));
        }
    }

    /** mm search and status open the store in a fresh process each time: another process's write must not stall them. */
    @Test
    void openingACurrentStoreWaitsForNoWriterAndSearches() throws Exception {
        Memtomem.open(TestStores.withNotes(home)).close();
        Path db = home.resolve(".memtomem/memtomem.db");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO _memtomem_meta(key, value) VALUES ('held', '1')");
            assertTimeoutPreemptively(Duration.ofSeconds(8), () -> {
                try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
                    assertEquals(List.of(), memtomem.search(SearchRequest.of("anything")).hits());
                }
            });
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aChunkIdPrefixOfEightOrMoreCharactersNamesOneChunkAndAnythingElseSaysWhy() {
        try (Memtomem memtomem = openWithFile()) {
            String id = memtomem.stats().totalChunks() > 0 ? memtomem.recall(
                    io.memtomem.core.search.RecallRequest.recent(1)).chunks().get(0).id() : null;
            assertEquals(id, memtomem.chunkIdFor(id.substring(0, 8).toUpperCase(java.util.Locale.ROOT)));
            assertEquals(id, memtomem.chunkIdFor(id));
            assertThrows(InvalidInputException.class, () -> memtomem.chunkIdFor(id.substring(0, 7)));
            assertThrows(InvalidInputException.class, () -> memtomem.chunkIdFor("zzzzzzzz"));
            String absent = id.startsWith("0") ? "ffffffff" : "00000000";
            assertThrows(NotFoundException.class, () -> memtomem.chunkIdFor(absent));
            assertThrows(InvalidInputException.class, () -> memtomem.chunkIdFor(""),
                    "an empty prefix would match every chunk");
        }
    }

    @Test
    void readRejectsANonUuidAndReturnsEmptyForAnUnknownId() {
        try (Memtomem memtomem = Memtomem.open(TestStores.config(home))) {
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> memtomem.read("nope"));
            assertEquals("chunk_id", error.parameter());
            assertTrue(error.getMessage().startsWith("invalid chunk ID format"));
            assertTrue(memtomem.read(UUID.randomUUID().toString()).isEmpty());
        }
    }

    @Test
    void readFindsAChunkByIdInAnyCase() {
        try (Memtomem memtomem = openWithFile()) {
            SearchHit hit = memtomem.search(SearchRequest.of("two")).hits().get(0);
            StoredChunk chunk = memtomem.read(hit.chunkId().toUpperCase()).orElseThrow();
            assertEquals(hit.content(), chunk.content());
            assertTrue(chunk.createdAt().endsWith("+00:00"));
        }
    }

    @Test
    void expandReturnsNeighboursInLineOrderAndThePositionInTheFile() {
        try (Memtomem memtomem = openWithFile()) {
            String middle = memtomem.search(SearchRequest.of("two")).hits().get(0).chunkId();
            ChunkNeighbourhood around = memtomem.expand(middle, 1);
            assertEquals(List.of("## One", "## Two", "## Three"),
                    around.chunks().stream().map(c -> c.hierarchy().get(0)).toList());
            assertEquals(middle, around.focus().id());
            assertEquals(List.of("## One"), around.before().stream().map(c -> c.hierarchy().get(0)).toList());
            assertEquals(List.of("## Three"), around.after().stream().map(c -> c.hierarchy().get(0)).toList());
            assertEquals(2, around.position());
            assertEquals(3, around.fileChunks());
            ChunkNeighbourhood alone = memtomem.expand(middle, 0);
            assertEquals(List.of(middle), alone.chunks().stream().map(StoredChunk::id).toList());
            assertEquals(2, alone.position());
            assertEquals(3, alone.fileChunks());
            assertEquals("window", assertThrows(InvalidInputException.class, () -> memtomem.expand(middle, 11))
                    .parameter());
            assertThrows(NotFoundException.class, () -> memtomem.expand(UUID.randomUUID().toString(), 1));
        }
    }

    @Test
    void statsTagsNamespacesAndSourcesDescribeTheIndex() {
        try (Memtomem memtomem = openWithFile()) {
            IndexStats stats = memtomem.stats();
            assertEquals(3, stats.totalChunks());
            assertEquals(1, stats.totalSources());
            assertEquals(0, stats.orphanedSources());
            assertTrue(stats.dbSizeBytes() > 0);
            assertEquals(List.of(new TagCount("t1", 2), new TagCount("t2", 1)), memtomem.tags());
            assertEquals(List.of(new NamespaceCount("default", 3)), memtomem.namespaces());
            List<SourceSummary> sources = memtomem.listSources(null, null);
            assertEquals(1, sources.size());
            assertEquals(3, sources.get(0).chunks());
            assertTrue(sources.get(0).avgTokens() > 100);
            assertEquals(List.of("default"), sources.get(0).namespaces());
            String newest = memtomem.search(SearchRequest.of("words")).hits().stream()
                    .map(hit -> memtomem.read(hit.chunkId()).orElseThrow().updatedAt())
                    .max(String::compareTo).orElseThrow();
            assertEquals(newest, sources.get(0).updated());
            assertEquals(List.of(), memtomem.listSources("nomatch", null));
            assertEquals(List.of(), memtomem.listSources(null, "other"));
        }
    }

    @Test
    void deleteBySourceAndByNamespaceRemoveIndexRowsOnly() {
        try (Memtomem memtomem = openWithFile()) {
            assertEquals(3, memtomem.deleteBySource("a.md"));
            assertTrue(Files.exists(notes().resolve("a.md")));
            assertEquals(0, memtomem.stats().totalChunks());
            memtomem.index(new IndexRequest(notes(), true, false, null), null);
            assertEquals(3, memtomem.stats().totalChunks());
            assertEquals(3, memtomem.deleteByNamespace("default"));
            assertEquals(3, memtomem.index(new IndexRequest(notes(), true, false, null), null).indexed());
            assertEquals("source_filter", assertThrows(InvalidInputException.class,
                    () -> memtomem.deleteBySource(" ")).parameter());
        }
    }

    @Test
    void anAddedMemoryIsSearchableAtOnce() {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            AddResult added = memtomem.add(new AddRequest("Zanzibar ferry schedule changes on Mondays", "Ferry",
                    List.of("travel"), null, null));
            assertEquals(1, added.chunksIndexed());
            SearchHit hit = memtomem.search(SearchRequest.of("zanzibar")).hits().get(0);
            assertEquals(added.file(), hit.source());
            assertEquals(List.of("travel"), hit.tags());
            memtomem.deleteChunk(hit.chunkId());
            assertEquals(List.of(), memtomem.search(SearchRequest.of("zanzibar")).hits());
        }
    }

    @Test
    void anEmbeddingMismatchBlocksWritesUntilReset() {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            assertFalse(memtomem.embeddingState().mismatch());
        }
        try (Memtomem memtomem = Memtomem.open(TestStores.notesBuilder(home)
                .embedding("ollama", "nomic-embed-text", 768).build())) {
            EmbeddingState state = memtomem.embeddingState();
            assertTrue(state.mismatch());
            assertEquals("none", state.storedProvider());
            assertEquals(768, state.configuredDimension());
            EmbeddingMismatchException error = assertThrows(EmbeddingMismatchException.class,
                    () -> memtomem.add(new AddRequest("x", null, List.of(), null, null)));
            assertTrue(error.getMessage().contains("mm embedding-reset"));
            assertThrows(EmbeddingMismatchException.class,
                    () -> memtomem.index(new IndexRequest(home, true, false, null), null));
            assertFalse(memtomem.embeddingReset().mismatch());
            assertEquals("ollama", memtomem.embeddingState().storedProvider());
        }
    }
}
