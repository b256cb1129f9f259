package io.memtomem.core.search;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.index.IndexRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Equal BM25 ranks are ordered by source path and start line (the reference's ORDER BY rank, scope priority, id left
 * them to the random chunk id), wherever the top_k cut falls, so every store over the same files ranks alike.
 */
class RankTieTest {
    private static final String BODY = "## Zebra\n\nzebra crossing" + " identical filler words here.".repeat(20) + "\n";

    @TempDir
    Path home;

    private static List<String> ids(SearchResponse response) {
        return response.hits().stream().map(SearchHit::chunkId).toList();
    }

    private static List<String> sources(SearchResponse response) {
        return response.hits().stream().map(hit -> hit.source().getFileName() + ":" + hit.startLine()).toList();
    }

    @Test
    void tiedRanksAreBrokenBySourcePathEvenWhenTheTieGroupIsLargerThanTheCandidatePage() {
        for (int i = 0; i < 80; i++) {
            write(home.resolve(String.format("notes/t%02d.md", i)), BODY);
        }
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
            SearchResponse full = memtomem.search(SearchRequest.of("zebra").withTopK(100));
            List<String> all = ids(full);
            assertEquals(80, all.size());
            assertEquals(sources(full).stream().sorted().toList(), sources(full));
            assertEquals(all.subList(0, 10), ids(memtomem.search(SearchRequest.of("zebra").withTopK(10))));
            assertEquals(all.subList(0, 10), ids(memtomem.search(SearchRequest.of("zebra").withTopK(10)
                    .withNamespace("default"))));
        }
    }

    @Test
    void twoFreshStoresOverTheSameFilesOrderTiesAlike() {
        write(home.resolve("notes/a.md"), "## Zebra\n\nzebra one\n\n## Zebra\n\nzebra two\n");
        for (int i = 0; i < 30; i++) {
            write(home.resolve(String.format("notes/t%02d.md", i)), BODY);
        }
        List<List<String>> rankings = new java.util.ArrayList<>();
        for (String store : List.of("one", "two")) {
            try (Memtomem memtomem = Memtomem.open(TestStores.builder(home.resolve(store))
                    .memoryDirs(home.resolve("notes")).build())) {
                memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
                for (int topK : List.of(5, 50)) {
                    rankings.add(sources(memtomem.search(SearchRequest.of("zebra").withTopK(topK))));
                    rankings.add(sources(memtomem.search(SearchRequest.of("zebra").withTopK(topK)
                            .withNamespace("default"))));
                }
            }
        }
        assertEquals(rankings.subList(0, 4), rankings.subList(4, 8), "chunk ids differ between stores, ranks must not");
        assertEquals(31, rankings.get(2).size(), "a.md is one chunk, and each tNN.md");
    }

    @Test
    void everyTopKIsThePrefixOfTheFullRankingWithTheSamePipelineCounts() {
        for (int i = 0; i < 12; i++) {
            write(home.resolve(String.format("notes/d%02d.md", i)), "## Zebra\n\n" + "zebra ".repeat(i + 2)
                    + "distinct filler words here.".repeat(20 + i) + "\n");
        }
        for (int i = 0; i < 20; i++) {
            write(home.resolve(String.format("notes/t%02d.md", i)), BODY);
        }
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
            SearchResponse full = memtomem.search(SearchRequest.of("zebra").withTopK(50).withPipelineCounts(true));
            assertEquals(32, full.hits().size());
            for (int topK = 1; topK <= 40; topK++) {
                SearchResponse cut = memtomem.search(SearchRequest.of("zebra").withTopK(topK));
                assertEquals(full.hits().subList(0, Math.min(topK, 32)), cut.hits(), "top_k=" + topK);
                SearchResponse counted = memtomem.search(SearchRequest.of("zebra").withTopK(topK)
                        .withPipelineCounts(true));
                assertEquals(cut.hits(), counted.hits(), "top_k=" + topK);
                assertEquals(full.pipeline(), counted.pipeline(), "top_k=" + topK);
            }
        }
    }
}
