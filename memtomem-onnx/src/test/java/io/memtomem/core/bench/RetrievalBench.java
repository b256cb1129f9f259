package io.memtomem.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.embed.EmbedRun;
import io.memtomem.core.embed.EmbeddingConfig;
import io.memtomem.core.embed.TextWindows;
import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.embed.provider.ProviderFactory;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.search.SearchHit;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.search.hybrid.DenseIndex;
import io.memtomem.core.search.hybrid.VectorCodec;
import io.memtomem.core.store.Database;
import io.memtomem.core.store.SourceSummary;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Retrieval quality of BM25, dense and hybrid side by side through the real search pipeline, on the shared eval data
 * read at run time (never copied into the project):
 * <ul>
 *   <li>corpus_v2 with the 12 quality-gate queries at file level (every chunk of the target file is relevant):
 *       recall@5, recall@10, MRR for the English cases, the Korean cases and their macro average;</li>
 *   <li>locomo-dev (long conversations, one file per session, 231 questions) as its README scores it: the distinct
 *       sessions of the top 10 hits in first-hit order give session recall@5, recall@10, hit@5 and MRR; turn
 *       recall@5 counts evidence turns ({@code [Dn:m]}) found in the first 5 hits' text;</li>
 * </ul>
 * then whether the pooled dense scan of large stores returns the exact scan's results on the locomo vectors, and
 * embedding throughput on the locomo chunks. Prints markdown tables.
 *
 * <p>Run: {@code mvn -q -pl memtomem-onnx test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.memtomem.core.bench.RetrievalBench -Dmemtomem.shared.dir=$PWD/../shared
 * [-Dexec.args="MODEL DIMENSION"]}. Stores are kept under {@code target/retrieval-bench/<model>-w<window>/}, so a
 * second run re-uses the vectors; a changed model or window size gets fresh stores.
 */
public final class RetrievalBench {

    private static final Map<String, double[]> LEGS = new LinkedHashMap<>();

    static {
        LEGS.put("bm25", new double[] {1, 0});
        LEGS.put("dense", new double[] {0, 1});
        LEGS.put("hybrid", new double[] {1, 1});
    }

    private static final int DEPTH = 10;

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("memtomem.shared.dir", "../shared")).toAbsolutePath().normalize();
        String model = args.length > 0 ? args[0] : "all-MiniLM-L6-v2-q";
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        // the window size in the path: a changed windowing policy starts from fresh stores
        Path stores = Path.of("target/retrieval-bench", model + "-w" + TextWindows.MAX_CHARS).toAbsolutePath();
        System.out.printf("model %s (%d-d), %d cores, load average %.1f%n", model, dimension,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Path corpus = shared.resolve("eval/corpus_v2");
        try (Memtomem memtomem = open(stores.resolve("corpus_v2"), corpus, model, dimension)) {
            indexAndEmbed(memtomem, corpus, "corpus_v2");
            corpusTable(memtomem, corpus, new ObjectMapper().readTree(
                    shared.resolve("eval/quality-gate/fixture.json").toFile()).get("case_defs"));
        }
        Path locomo = shared.resolve("eval/locomo-dev/corpus");
        try (Memtomem memtomem = open(stores.resolve("locomo-dev"), locomo, model, dimension)) {
            indexAndEmbed(memtomem, locomo, "locomo-dev");
            JsonNode queries = new ObjectMapper().readTree(shared.resolve("eval/locomo-dev/queries.json").toFile());
            locomoTable(memtomem, locomo, queries);
            pooledScan(memtomem, queries);
            throughput(memtomem);
        }
    }

    private static Memtomem open(Path home, Path corpus, String model, int dimension) throws IOException {
        Files.createDirectories(home);
        Memtomem memtomem = Memtomem.open(BenchStores.config(home, corpus, "onnx", model, dimension));
        if (memtomem.embeddingState().mismatch()) {
            System.out.println("embedding policy changed since the last run: re-embedding " + home.getFileName());
            memtomem.embeddingReset(EmbedProgressListener.NONE);
        }
        return memtomem;
    }

    private static void indexAndEmbed(Memtomem memtomem, Path corpus, String name) {
        long start = System.nanoTime();
        memtomem.index(new IndexRequest(corpus, true, false, null), null);
        EmbedRun run = memtomem.embedPending(EmbedProgressListener.NONE);
        run.failure().ifPresent(failure -> {
            throw new IllegalStateException(failure);
        });
        System.out.printf("%s: %d chunks in %d files, indexed + %d embedded in %.1f s%n", name,
                memtomem.stats().totalChunks(), memtomem.listSources(null, null).size(), run.embedded(),
                (System.nanoTime() - start) / 1e9);
    }

    private static List<SearchHit> search(Memtomem memtomem, String query, double[] weights) {
        return memtomem.search(SearchRequest.of(query).withTopK(DEPTH).withWeights(weights[0], weights[1])).hits();
    }

    private static void corpusTable(Memtomem memtomem, Path corpus, JsonNode cases) {
        Map<Path, Integer> chunksPerFile = memtomem.listSources(null, null).stream()
                .collect(Collectors.toMap(SourceSummary::source, SourceSummary::chunks));
        System.out.println();
        System.out.println("| corpus_v2 (file level) | leg | recall@5 | recall@10 | MRR |");
        System.out.println("|---|---|---|---|---|");
        for (String language : List.of("en", "ko", "macro")) {
            for (Map.Entry<String, double[]> leg : LEGS.entrySet()) {
                double[] sums = new double[3];
                double[][] perLanguage = new double[2][3];
                int[] counts = new int[2];
                for (JsonNode testCase : cases) {
                    String glob = testCase.get("relevant_globs").get(0).asText();
                    int lang = glob.startsWith("en/") ? 0 : 1;
                    Path target = corpus.resolve(glob);
                    List<SearchHit> hits = search(memtomem, testCase.get("query_text").asText(), leg.getValue());
                    int relevant = chunksPerFile.get(target);
                    perLanguage[lang][0] += FileRelevance.score(hits, target, relevant, 5).recall();
                    perLanguage[lang][1] += FileRelevance.score(hits, target, relevant, 10).recall();
                    perLanguage[lang][2] += FileRelevance.score(hits, target, relevant, 10).reciprocalRank();
                    counts[lang]++;
                }
                for (int metric = 0; metric < 3; metric++) {
                    double en = perLanguage[0][metric] / counts[0];
                    double ko = perLanguage[1][metric] / counts[1];
                    sums[metric] = language.equals("en") ? en : language.equals("ko") ? ko : (en + ko) / 2;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f |%n", language, leg.getKey(),
                        sums[0], sums[1], sums[2]);
            }
        }
    }

    private static void locomoTable(Memtomem memtomem, Path corpus, JsonNode queries) {
        System.out.println();
        System.out.println("| locomo-dev (" + queries.size() + " questions) | session recall@5 | session recall@10"
                + " | session hit@5 | session MRR | turn recall@5 |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, double[]> leg : LEGS.entrySet()) {
            double recall5 = 0;
            double recall10 = 0;
            double hit5 = 0;
            double mrr = 0;
            double turns5 = 0;
            for (JsonNode query : queries) {
                List<SearchHit> hits = search(memtomem, query.get("question").asText(), leg.getValue());
                Set<String> evidence = strings(query.get("evidence_sessions"));
                List<String> sessions = new ArrayList<>(new LinkedHashSet<>(hits.stream()
                        .map(hit -> corpus.relativize(hit.source()).toString().replace('\\', '/')).toList()));
                recall5 += share(evidence, sessions.subList(0, Math.min(5, sessions.size())));
                recall10 += share(evidence, sessions);
                hit5 += sessions.stream().limit(5).anyMatch(evidence::contains) ? 1 : 0;
                for (int rank = 0; rank < sessions.size(); rank++) {
                    if (evidence.contains(sessions.get(rank))) {
                        mrr += 1.0 / (rank + 1);
                        break;
                    }
                }
                Set<String> turns = strings(query.get("evidence_dia_ids"));
                long found = turns.stream().filter(turn -> hits.stream().limit(5)
                        .anyMatch(hit -> hit.content().contains("[" + turn + "]"))).count();
                turns5 += turns.isEmpty() ? 0 : (double) found / turns.size();
            }
            int n = queries.size();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", leg.getKey(), recall5 / n,
                    recall10 / n, hit5 / n, mrr / n, turns5 / n);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static double share(Set<String> evidence, List<String> sessions) {
        return evidence.isEmpty() ? 0 : (double) sessions.stream().filter(evidence::contains).count() / evidence.size();
    }

    /**
     * The dense scan a large store gets (estimates from 3-bit codes, exact re-score of a pool and of every chunk
     * within reach) against the exact scan, on the real locomo vectors and questions. The store is far below the
     * size where {@link DenseIndex#search} pools, so the pool is forced down to k itself, the harshest setting:
     * all but k chunks must come through the error margin.
     */
    private static void pooledScan(Memtomem memtomem, JsonNode queries) {
        DenseIndex index = new DenseIndex(memtomem.embeddingState().configuredDimension());
        try (Database database = Database.open(memtomem.config().storage().sqlitePath())) {
            database.read("reading the bench vectors", session -> {
                try (ResultSet rows = session.prepare("SELECT chunk_rowid, vector FROM chunk_vectors")
                        .executeQuery()) {
                    while (rows.next()) {
                        index.upsert(rows.getLong(1), VectorCodec.decode(rows.getBytes(2)));
                    }
                }
                return null;
            });
        }
        List<String> questions = new ArrayList<>();
        queries.forEach(query -> questions.add(query.get("question").asText()));
        int[] identical = new int[2];
        try (EmbeddingProvider provider = ProviderFactory.create(EmbeddingConfig.settings(memtomem.config()))) {
            for (int from = 0; from < questions.size(); from += 32) {
                for (float[] vector : provider.embed(questions.subList(from, Math.min(questions.size(), from + 32)))) {
                    identical[0] += index.searchExactly(vector, 10, null).equals(
                            index.searchPooled(vector, 10, 10, null)) ? 1 : 0;
                    identical[1] += index.searchExactly(vector, 50, null).equals(
                            index.searchPooled(vector, 50, 50, null)) ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%npooled dense scan on the %d locomo chunks, pool = k: the exact top 10 on %d/%d"
                + " questions, the exact top 50 on %d/%d (same chunks, order and cosines)%n", index.size(),
                identical[0], questions.size(), identical[1], questions.size());
    }

    /**
     * Embeds 40 locomo chunks again outside the store, timed, as the store embeds them (long ones as windows): long
     * conversational text, the expensive case.
     */
    private static void throughput(Memtomem memtomem) {
        List<List<String>> chunks = new ArrayList<>();
        for (SourceSummary source : memtomem.listSources(null, null)) {
            memtomem.recall(new RecallRequest(null, null, null, source.source().toString(), null, 20)).chunks()
                    .forEach(chunk -> chunks.add(TextWindows.of(String.join(" > ", chunk.hierarchy()),
                            chunk.content())));
        }
        List<List<String>> sample = chunks.subList(0, Math.min(40, chunks.size()));
        List<String> texts = sample.stream().flatMap(List::stream).toList();
        long chars = texts.stream().mapToLong(String::length).sum();
        try (EmbeddingProvider provider = ProviderFactory.create(EmbeddingConfig.settings(memtomem.config()))) {
            provider.embed(texts.subList(0, 2)); // model load and JIT
            long start = System.nanoTime();
            for (int from = 0; from < texts.size(); from += 32) {
                provider.embed(texts.subList(from, Math.min(texts.size(), from + 32)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%nthroughput: %d locomo chunks = %d windows (%d chars embedded) in %.1f s"
                    + " = %.1f chunks/s, %.0f chars/s on %d shared cores (load average %.1f)%n", sample.size(),
                    texts.size(), chars, seconds, sample.size() / seconds, chars / seconds,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private RetrievalBench() {
    }
}
