package io.memtomem.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.EmbeddingMismatchException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.embed.HashingProvider;
import io.memtomem.core.embed.provider.FakeEmbeddingServer;
import io.memtomem.core.embed.provider.FakeEmbeddingServer.Reply;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusReport;
import io.memtomem.core.status.StatusReports;
import io.memtomem.core.status.StatusWarning;
import io.memtomem.core.write.AddRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade end to end with an Ollama-compatible fake server that embeds by hashed word counts. */
class HybridSearchTest {

    private static final int DIM = 64;

    @TempDir
    Path home;
    private Path memories;
    private FakeEmbeddingServer server;
    private Memtomem memtomem;

    @BeforeEach
    void setUp() throws Exception {
        memories = Files.createDirectories(home.resolve("notes"));
        Files.writeString(memories.resolve("deploy.md"), "# Deploys\n\n## Blue-green\n\nBlue-green deployment switches"
                + " traffic to the new version after health checks pass.\n");
        Files.writeString(memories.resolve("redis.md"), "# Redis\n\n## Eviction\n\nSet maxmemory-policy and watch"
                + " evicted keys during traffic peaks.\n");
        server = new FakeEmbeddingServer().otherwise(HybridSearchTest::embed);
        memtomem = open("bow");
        memtomem.index(new IndexRequest(memories, true, false, null), null);
        memtomem.embedPending();
    }

    @AfterEach
    void tearDown() {
        memtomem.close();
        server.close();
    }

    private static Reply embed(JsonNode request) {
        String vectors = StreamSupport.stream(request.get("input").spliterator(), false)
                .map(text -> Arrays.toString(HashingProvider.vector(text.asText(), DIM)))
                .collect(Collectors.joining(","));
        return Reply.json("{\"embeddings\":[" + vectors + "]}");
    }

    private Memtomem open(String model) {
        return Memtomem.open(MemtomemConfig.load(new Environment(home, Map.of(
                "MEMTOMEM_EMBEDDING__PROVIDER", "ollama",
                "MEMTOMEM_EMBEDDING__MODEL", model,
                "MEMTOMEM_EMBEDDING__DIMENSION", Integer.toString(DIM),
                "MEMTOMEM_EMBEDDING__BASE_URL", server.baseUrl(),
                "MEMTOMEM_INDEXING__MEMORY_DIRS", "[\"" + memories + "\"]"), home)));
    }

    private SearchResponse search(String query, double bm25, double dense) {
        return memtomem.search(SearchRequest.of(query).withWeights(bm25, dense).withPipelineCounts(true));
    }

    private static List<String> files(SearchResponse response) {
        return response.hits().stream().map(hit -> hit.source().getFileName().toString()).collect(Collectors.toList());
    }

    @Test
    void aLongChunkIsFoundByItsBestWindowNotDrownedByTheRestOfItsText() throws Exception {
        String filler = "lorem ipsum dolor. ".repeat(30);
        Files.writeString(memories.resolve("long.md"), "# Log\n\n" + filler + "\n\n"
                + "zebra crossing harbour. ".repeat(12) + "\n\n" + filler + "\n");
        Files.writeString(memories.resolve("short.md"), "# Stripes\n\nzebra stripes\n");
        memtomem.index(new IndexRequest(memories, true, false, null), null);
        memtomem.embedPending();
        assertEquals(1, memtomem.listSources("long.md", null).get(0).chunks(), "the test needs one long chunk");

        List<SearchHit> hits = memtomem.search(SearchRequest.of("zebra crossing harbour").withWeights(0.0, 1.0))
                .hits();
        assertEquals(memories.resolve("long.md"), hits.get(0).source(),
                "averaged over the whole chunk the filler outweighs the one paragraph the query is about");
    }

    @Test
    void fusesBothLegsAndPassesASingleLegThrough() {
        SearchResponse hybrid = search("traffic health checks", 1, 1);
        SearchResponse dense = search("traffic health checks", 0, 1);
        SearchResponse bm25 = search("traffic health checks", 1, 0);

        assertEquals("rrf", hybrid.scoreScale());
        assertEquals("deploy.md", files(hybrid).get(0));
        PipelineCounts hybridCounts = hybrid.pipeline().orElseThrow();
        assertTrue(hybridCounts.bm25Candidates() > 0 && hybridCounts.denseCandidates() > 0);
        assertEquals("dense", dense.scoreScale());
        assertEquals(List.of("deploy.md", "redis.md"), files(dense));
        assertEquals("bm25", bm25.scoreScale());
        assertEquals(0, bm25.pipeline().orElseThrow().denseCandidates());
        assertEquals(new EmbeddingState("ollama", "bow", DIM, "ollama", "bow", DIM, false, 2, 0),
                memtomem.embeddingState());
    }

    @Test
    void aFailingProviderKeepsBm25AnsweringAndChunksPending() throws Exception {
        server.otherwise(request -> Reply.status(503, Map.of("Retry-After", "0")));
        Files.writeString(memories.resolve("postgres.md"), "# Postgres\n\n## Indexes\n\nUnused indexes slow writes.\n");

        memtomem.index(new IndexRequest(memories, true, false, null), null);
        SearchResponse response = search("unused indexes", 1, 1);

        assertEquals(List.of("postgres.md"), files(response));
        assertTrue(response.hints().get(0).startsWith("dense retrieval failed, results are BM25 only: ollama embedding via "
                + server.baseUrl() + "/api/embed failed: HTTP 503"), response.hints().toString());
        assertEquals(1, memtomem.embeddingState().vectorsPending());
        for (int i = 0; i < 200 && memtomem.embeddingFailure().isEmpty(); i++) {
            Thread.sleep(25);
        }
        StatusReport status = StatusReports.collect(memtomem, new ServerBlock(false, null, null, null, null));
        assertTrue(status.warnings().stream().map(StatusWarning::kind).anyMatch("embedding_failing"::equals));
        assertTrue(StatusReports.renderText(status).contains("2 stored, 1 pending"), StatusReports.renderText(status));
    }

    @Test
    void aChangedModelTurnsTheDenseLegOffUntilReset() {
        memtomem.close();
        memtomem = open("bow-v2");

        SearchResponse response = search("traffic", 1, 1);
        assertEquals("bm25", response.scoreScale());
        assertTrue(response.hints().get(0).contains("embedding mismatch") && response.hints().get(0)
                .contains("mm embedding-reset"), response.hints().toString());
        assertThrows(EmbeddingMismatchException.class,
                () -> memtomem.add(new AddRequest("blocked", null, List.of(), null, null)));
        assertTrue(StatusReports.collect(memtomem, new ServerBlock(false, null, null, null, null)).warnings().stream()
                .anyMatch(warning -> warning.kind().startsWith("embedding_")));

        assertFalse(memtomem.embeddingReset().mismatch());

        assertEquals("rrf", search("traffic", 1, 1).scoreScale());
        assertEquals(2, memtomem.embeddingState().vectorsStored());
    }
}
