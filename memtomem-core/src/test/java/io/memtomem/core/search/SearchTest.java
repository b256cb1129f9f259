package io.memtomem.core.search;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.index.IndexRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTest {
    private static final String BODY = " filler text that keeps the section long enough to stand alone as a chunk."
            .repeat(8);

    @TempDir
    Path home;
    Path notes;
    Memtomem memtomem;

    @BeforeEach
    void indexSampleNotes() {
        notes = home.resolve("notes");
        write(notes.resolve("redis.md"), """
                ---
                tags: [infra]
                ---
                ## Redis eviction

                > tags: ["redis", "perf"]

                Set maxmemory-policy to allkeys-lru for the cache.""" + BODY + """


                ## Postgres vacuum

                Autovacuum tuning for write heavy tables.""" + BODY + "\n");
        write(notes.resolve("work/k8s.md"), "## Kubernetes\n\nHPA minReplicas and the cache warmup." + BODY + "\n");
        write(notes.resolve("archive.md"), "## Old cache notes\n\nLegacy cache design." + BODY + "\n");
        memtomem = Memtomem.open(TestStores.withNotes(home));
        memtomem.index(new IndexRequest(notes.resolve("redis.md"), false, false, null), null);
        memtomem.index(new IndexRequest(notes.resolve("work"), true, false, "work"), null);
        memtomem.index(new IndexRequest(notes.resolve("archive.md"), false, false, "archive:2025"), null);
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    private SearchResponse search(SearchRequest request) {
        return memtomem.search(request);
    }

    @Test
    void hitsCarryRankScoreSourceHierarchyNamespaceIdContentHashLinesAndTags() {
        SearchResponse response = search(SearchRequest.of("maxmemory"));
        assertEquals("bm25", response.scoreScale());
        SearchHit hit = response.hits().get(0);
        assertEquals(1, hit.rank());
        assertTrue(hit.score() > 0);
        assertEquals(notes.resolve("redis.md"), hit.source());
        assertEquals(List.of("## Redis eviction"), hit.hierarchy());
        assertEquals("default", hit.namespace());
        assertEquals(36, hit.chunkId().length());
        assertTrue(hit.content().contains("Set maxmemory-policy"), hit.content());
        assertEquals(64, hit.contentHash().length());
        assertTrue(hit.startLine() >= 1 && hit.endLine() >= hit.startLine());
        assertEquals(List.of("infra", "perf", "redis"), hit.tags());
    }

    @Test
    void termsAreAndedThenFallBackToOrWhenNothingMatchesAll() {
        assertEquals(1, search(SearchRequest.of("autovacuum tables")).hits().size());
        SearchResponse either = search(SearchRequest.of("autovacuum kubernetes"));
        assertEquals(2, either.hits().size());
    }

    @Test
    void termsArePrefixMatched() {
        assertEquals(1, search(SearchRequest.of("autovac")).hits().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"c++", "foo-bar", "\"", "*", "NEAR", "NOT", "AND", "OR", "a:b", "!!!", "(", ")", "^",
            "-cache", "NEAR(a b)", "col:val", "\"unbalanced", "cache*", "AND OR NOT", "{x}", "'", "\\", "a\"b\"c"})
    void userTextNeverRaisesAnFtsSyntaxError(String query) {
        SearchResponse response = assertDoesNotThrow(() -> search(SearchRequest.of(query)));
        assertTrue(response.hits().size() <= 10);
    }

    @Test
    void aQueryOfOnlyPunctuationReturnsNoResults() {
        assertEquals(List.of(), search(SearchRequest.of("?!.,;")).hits());
    }

    @Test
    void emptyOrBlankQueryIsInvalidInput() {
        assertEquals("query", assertThrows(InvalidInputException.class, () -> search(SearchRequest.of(" ")))
                .parameter());
        assertEquals("query", assertThrows(InvalidInputException.class, () -> search(SearchRequest.of(null)))
                .parameter());
    }

    @Test
    void aHugeQueryIsAcceptedUpToTheLimitAndRejectedBeyondIt() {
        String atLimit = "cache ".repeat(SearchService.MAX_QUERY_CHARS / 6);
        assertDoesNotThrow(() -> search(SearchRequest.of(atLimit)));
        String punctuation = "a-b ".repeat(SearchService.MAX_QUERY_CHARS / 4);
        assertDoesNotThrow(() -> search(SearchRequest.of(punctuation)));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> search(SearchRequest.of("x".repeat(SearchService.MAX_QUERY_CHARS + 1))));
        assertEquals("query", error.parameter());
    }

    @Test
    void topKAndWeightsAreValidated() {
        assertEquals("top_k", assertThrows(InvalidInputException.class,
                () -> search(SearchRequest.of("cache").withTopK(0))).parameter());
        assertEquals("top_k", assertThrows(InvalidInputException.class,
                () -> search(SearchRequest.of("cache").withTopK(101))).parameter());
        assertEquals("bm25_weight", assertThrows(InvalidInputException.class,
                () -> search(SearchRequest.of("cache").withWeights(-1.0, null))).parameter());
        assertEquals("dense_weight", assertThrows(InvalidInputException.class,
                () -> search(SearchRequest.of("cache").withWeights(null, Double.NaN))).parameter());
        assertThrows(InvalidInputException.class, () -> search(SearchRequest.of("cache").withWeights(0.0, 0.0)));
    }

    @Test
    void aZeroBm25WeightTurnsTheOnlyLegOffWithAHint() {
        SearchResponse response = search(SearchRequest.of("cache").withWeights(0.0, 1.0));
        assertEquals(List.of(), response.hits());
        assertEquals("none", response.scoreScale());
        assertTrue(response.hints().get(0).contains("BM25 is off"));
    }

    @Test
    void rerankTrueKeepsTheFusedOrderAndSaysRerankingIsDisabled() {
        SearchResponse plain = search(SearchRequest.of("filler"));
        SearchResponse asked = search(SearchRequest.of("filler").withRerank(true));
        assertEquals(plain.hits(), asked.hits());
        List<String> hints = new ArrayList<>(List.of(SearchService.RERANK_DISABLED_HINT));
        hints.addAll(plain.hints());
        assertEquals(hints, asked.hints());
        assertTrue(SearchService.RERANK_DISABLED_HINT.startsWith("rerank=true requested but reranking is disabled"));
        assertEquals(plain, search(SearchRequest.of("filler").withRerank(false)));
    }

    @Test
    void topKCutsTheRankedList() {
        List<SearchHit> hits = search(SearchRequest.of("filler").withTopK(2)).hits();
        assertEquals(2, hits.size());
        assertEquals(List.of(1, 2), hits.stream().map(SearchHit::rank).toList());
    }

    @Test
    void systemNamespacesAreHiddenWithAHintUnlessPinned() {
        SearchResponse unpinned = search(SearchRequest.of("legacy"));
        assertEquals(List.of(), unpinned.hits());
        assertTrue(unpinned.hints().get(0).startsWith("1 memory hidden in system namespaces"),
                unpinned.hints().toString());
        SearchResponse pinned = search(SearchRequest.of("legacy").withNamespace("archive:*"));
        assertEquals(1, pinned.hits().size());
        assertEquals(List.of(), pinned.hints());
    }

    @Test
    void rowsMovingIntoAndOutOfHiddenNamespacesAreFollowedSearchBySearch(@TempDir Path other) {
        Path dir = other.resolve("notes");
        write(dir.resolve("plain/live.md"), "## Live\n\nzebra crossing notes." + BODY + "\n");
        try (Memtomem store = Memtomem.open(TestStores.withNotes(other))) {
            store.index(new IndexRequest(dir.resolve("plain"), true, false, null), null);
            SearchResponse before = store.search(SearchRequest.of("zebra"));
            assertEquals(1, before.hits().size());
            assertEquals(List.of(), before.hints());

            write(dir.resolve("old/gone.md"), "## Gone\n\nzebra crossing archived." + BODY + "\n");
            store.index(new IndexRequest(dir.resolve("old"), true, false, "archive:2025"), null);
            SearchResponse hidden = store.search(SearchRequest.of("zebra"));
            assertEquals(List.of("default"), namespacesOf(hidden));
            assertTrue(hidden.hints().get(0).startsWith("1 memory hidden in system namespaces"),
                    hidden.hints().toString());

            store.deleteByNamespace("archive:2025");
            SearchResponse after = store.search(SearchRequest.of("zebra"));
            assertEquals(List.of("default"), namespacesOf(after));
            assertEquals(List.of(), after.hints());
        }
    }

    @Test
    void namespaceFilterIsExactCommaListOrGlob() {
        assertEquals(List.of("work"), namespacesOf(search(SearchRequest.of("cache").withNamespace("work"))));
        assertEquals(List.of("default", "work"),
                namespacesOf(search(SearchRequest.of("cache").withNamespace("default, work"))));
        assertEquals(List.of("work"), namespacesOf(search(SearchRequest.of("cache").withNamespace("wo*"))));
        assertEquals(List.of(), search(SearchRequest.of("cache").withNamespace("wor")).hits());
    }

    @Test
    void tagFilterMatchesAnyOfTheTags() {
        assertEquals(1, search(SearchRequest.of("cache").withTagFilter("nope, redis")).hits().size());
        SearchResponse none = search(SearchRequest.of("cache").withTagFilter("nope").withPipelineCounts(true));
        assertEquals(List.of(), none.hits());
        assertEquals(2, none.pipeline().orElseThrow().beforeFilterCount());
    }

    @Test
    void sourceFilterIsASubstringOrAGlobOnTheAbsolutePath() {
        assertEquals(1, search(SearchRequest.of("cache").withSourceFilter("work/")).hits().size());
        assertEquals(1, search(SearchRequest.of("cache").withSourceFilter("*/redis.md")).hits().size());
        assertEquals(0, search(SearchRequest.of("cache").withSourceFilter("*.json")).hits().size());
    }

    private static List<String> namespacesOf(SearchResponse response) {
        return response.hits().stream().map(SearchHit::namespace).distinct().sorted().toList();
    }
}
