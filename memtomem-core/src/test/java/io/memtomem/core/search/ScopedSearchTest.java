package io.memtomem.core.search;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.store.StoredChunk;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code scope} filter of search and recall runs inside the SQL (memory-core.md §5.1, §5.7). */
class ScopedSearchTest {
    private static final int USER_NOTES = 30;
    private static final int PROJECT_NOTES = 12;

    @TempDir
    Path home;
    private Memtomem memtomem;

    @BeforeEach
    void seed() {
        Path project = home.resolve("app");
        Path shared = project.resolve(".memtomem/memories");
        Path local = project.resolve(".memtomem/memories.local");
        // user notes say "deploy" often, so without the filter in SQL they would fill every BM25 candidate slot
        for (int i = 0; i < USER_NOTES; i++) {
            write(home.resolve("notes/u" + i + ".md"), "## User " + i + "\n\ndeploy deploy deploy rollout " + i + "\n");
        }
        for (int i = 0; i < PROJECT_NOTES; i++) {
            write(shared.resolve("s" + i + ".md"), "## Shared " + i + "\n\nHow we deploy the app, step " + i
                    + ", with checks, reviews, approvals and a long explanation of the release train.\n");
        }
        write(local.resolve("l.md"), "## Local\n\nMy own deploy shortcut for this checkout.\n");
        MemtomemConfig config = TestStores.notesBuilder(home).set("search.bm25_candidates", 20)
                .projectMemoryDirs(shared, local).build();
        memtomem = Memtomem.open(config);
        config.indexing().indexRoots().forEach(root -> memtomem.index(new IndexRequest(root, true, false, null), null));
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    private Set<String> scopesOf(SearchResponse response) {
        return response.hits().stream().map(hit -> memtomem.read(hit.chunkId()).orElseThrow().scope())
                .collect(Collectors.toSet());
    }

    @Test
    void aScopedSearchStillFillsTopKFromTheAllowedScope() {
        SearchResponse unfiltered = memtomem.search(SearchRequest.of("deploy").withTopK(10));
        assertEquals(Set.of("user"), scopesOf(unfiltered), "the user notes outrank the project notes");

        SearchResponse shared = memtomem.search(SearchRequest.of("deploy").withTopK(10).withScope("project_shared"));
        assertEquals(10, shared.hits().size());
        assertEquals(Set.of("project_shared"), scopesOf(shared));
    }

    @Test
    void aCommaListAdmitsEachNamedScope() {
        SearchResponse project = memtomem.search(SearchRequest.of("deploy").withTopK(20)
                .withScope("project_local, project_shared"));
        assertEquals(PROJECT_NOTES + 1, project.hits().size());
        assertEquals(Set.of("project_shared", "project_local"), scopesOf(project));
    }

    @Test
    void anUnknownScopeIsAnErrorNamingTheParameterAndTheValidValues() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> memtomem.search(SearchRequest.of("deploy").withScope("user,team")));
        assertEquals("scope", error.parameter());
        assertTrue(error.getMessage().contains("user, project_shared, project_local"), error.getMessage());
        assertEquals("scope", assertThrows(InvalidInputException.class, () -> memtomem.recall(
                new RecallRequest(null, null, null, null, null, 5, "shared"))).parameter());
    }

    @Test
    void recallFiltersByScopeBeforeItsLimit() {
        List<StoredChunk> local = memtomem.recall(new RecallRequest(null, null, null, null, null, 5,
                "project_local")).chunks();
        assertEquals(List.of("project_local"), local.stream().map(StoredChunk::scope).toList());
        List<StoredChunk> shared = memtomem.recall(new RecallRequest(null, null, null, null, null, 5,
                "project_shared")).chunks();
        assertEquals(5, shared.size());
        assertEquals(Set.of("project_shared"), shared.stream().map(StoredChunk::scope).collect(Collectors.toSet()));
    }
}
