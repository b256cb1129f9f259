package io.memtomem.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbeddingConfig;
import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.embed.provider.ProviderFactory;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.store.SourceSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Retrieval quality (BM25, dense, hybrid) on corpus_v2 with the 12 quality-gate cases at file-level relevance, then
 * embedding throughput. Run: {@code java -cp <memtomem-onnx test class path> io.memtomem.core.bench.EmbeddingBench
 * [chunks]}, with {@code memtomem.shared.dir} pointing at the shared eval data.
 */
public final class EmbeddingBench {

    private static final int TOP_K = 5;
    private static final Map<String, double[]> LEGS = Map.of("bm25", new double[] {1, 0},
            "dense", new double[] {0, 1}, "hybrid", new double[] {1, 1});

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("memtomem.shared.dir", "../shared"));
        int throughputChunks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path home = Files.createTempDirectory("mm-bench");
        Path corpus = shared.resolve("eval/corpus_v2").toAbsolutePath().normalize();
        JsonNode cases = new ObjectMapper().readTree(shared.resolve("eval/quality-gate/fixture.json").toFile())
                .get("case_defs");
        try (Memtomem memtomem = BenchStores.onnx(home, corpus)) {
            memtomem.index(new IndexRequest(corpus, true, false, null), null);
            memtomem.embedPending();
            Map<Path, Integer> chunksPerFile = memtomem.listSources(null, null).stream()
                    .collect(Collectors.toMap(SourceSummary::source, SourceSummary::chunks));
            System.out.printf("corpus: %d chunks in %d files%n", memtomem.stats().totalChunks(), chunksPerFile.size());
            for (String leg : List.of("bm25", "dense", "hybrid")) {
                FileRelevance.Aggregate aggregate = new FileRelevance.Aggregate();
                for (JsonNode testCase : cases) {
                    Path target = corpus.resolve(testCase.get("relevant_globs").get(0).asText());
                    double[] weights = LEGS.get(leg);
                    List<SearchHit> hits = memtomem.search(SearchRequest.of(testCase.get("query_text").asText())
                            .withTopK(TOP_K).withWeights(weights[0], weights[1])).hits();
                    aggregate.add(FileRelevance.score(hits, target, chunksPerFile.get(target), TOP_K));
                }
                System.out.printf("%-6s recall@5 %.4f  MRR %.4f  nDCG@5 %.4f  (12 cases)%n", leg,
                        aggregate.recall(), aggregate.mrr(), aggregate.ndcg());
            }
            throughput(memtomem, throughputChunks);
        }
    }

    /** Embeds {@code total} texts (the corpus's own chunks at the default chunk size, cycled) in batches of 32. */
    private static void throughput(Memtomem memtomem, int total) {
        List<String> corpusChunks = new ArrayList<>();
        for (SourceSummary source : memtomem.listSources(null, null)) {
            memtomem.recall(new RecallRequest(null, null, null, source.source().toString(), null, 20)).chunks()
                    .forEach(chunk -> corpusChunks.add(chunk.content()));
        }
        List<String> texts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            texts.add(corpusChunks.get(i % corpusChunks.size()));
        }
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        try (EmbeddingProvider provider = ProviderFactory.create(EmbeddingConfig.settings(memtomem.config()))) {
            provider.embed(texts.subList(0, 32)); // warm-up: model load and JIT
            long start = System.nanoTime();
            for (int from = 0; from < total; from += 32) {
                provider.embed(texts.subList(from, Math.min(total, from + 32)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("throughput: %d chunks (mean %.0f chars) in %.1f s = %.1f chunks/s on %d cores%n",
                    total, meanChars, seconds, total / seconds, Runtime.getRuntime().availableProcessors());
        }
    }
}
