package io.memtomem.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BM25 conformance with the reference (memory-core.md §9.4): index {@code corpus_v2} with defaults, run the 12
 * quality-gate cases at top_k=5 and compare ranked content hashes with {@code baseline_replay.json}; the metrics are
 * recomputed as the reference's quality/metrics.py defines them (binary gains, relevant = labelled relevant).
 */
class QualityGateConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bm25RankingsAndMetricsEqualTheReferenceBaseline(@TempDir Path home) throws Exception {
        Path shared = SharedEval.locate();
        JsonNode fixture = JSON.readTree(shared.resolve("eval/quality-gate/fixture.json").toFile());
        JsonNode baseline = JSON.readTree(shared.resolve("eval/quality-gate/baseline_replay.json").toFile());
        Map<String, JsonNode> baselineCases = new TreeMap<>();
        baseline.path("cases").forEach(c -> baselineCases.put(c.path("case_id").asText(), c));

        try (Memtomem memtomem = Memtomem.open(TestStores.builder(home)
                .embedding("none", "", 0).enableDense(false).build())) {
            IndexResult indexed = memtomem.index(
                    new IndexRequest(shared.resolve("eval/corpus_v2"), true, false, null), null);
            assertEquals(195, indexed.totalChunks(), "corpus_v2 must chunk into the 195 labelled chunks");

            List<Double> hitRates = new ArrayList<>();
            List<Double> reciprocalRanks = new ArrayList<>();
            List<Double> ndcgs = new ArrayList<>();
            for (JsonNode definition : fixture.path("case_defs")) {
                String caseId = definition.path("case_id").asText();
                JsonNode expected = baselineCases.get(caseId);
                List<String> expectedHashes = new ArrayList<>();
                expected.path("retrieved").forEach(r -> expectedHashes.add(r.path("content_hash").asText()));
                List<SearchHit> hits = memtomem.search(SearchRequest.of(definition.path("query_text").asText())
                        .withTopK(definition.path("top_k").asInt())).hits();
                List<String> actual = hits.stream().map(SearchHit::contentHash).toList();
                assertEquals(expectedHashes, actual, "ranked hashes of " + caseId);

                Set<String> relevant = new HashSet<>();
                expected.path("labels").path("relevant").forEach(h -> relevant.add(h.asText()));
                hitRates.add(actual.stream().anyMatch(relevant::contains) ? 1.0 : 0.0);
                reciprocalRanks.add(reciprocalRank(actual, relevant));
                ndcgs.add(ndcg(actual, relevant, definition.path("top_k").asInt()));
            }
            assertEquals(12, ndcgs.size());
            JsonNode aggregate = baseline.path("aggregate");
            assertEquals(aggregate.path("mean_hit_rate").asDouble(), mean(hitRates), 1e-9);
            assertEquals(aggregate.path("mrr").asDouble(), mean(reciprocalRanks), 1e-9);
            assertEquals(aggregate.path("mean_ndcg").asDouble(), mean(ndcgs), 1e-9);
            assertEquals(0.4109, mean(ndcgs), 1e-4);
        }
    }

    private static double reciprocalRank(List<String> ranked, Set<String> relevant) {
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
