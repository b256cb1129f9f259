package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Byte-compatibility with the Python reference: chunking the quality-gate corpus with default settings yields
 * exactly the 195 content hashes that {@code cases.json} labels.
 */
class CorpusConformanceTest {

    private static QualityGateData data;
    private static Map<String, List<Chunk>> chunksByFile;

    @BeforeAll
    static void chunkCorpus() throws IOException {
        data = QualityGateData.locate();
        Chunkers chunkers = new Chunkers(ChunkingSettings.defaults(), Chunkers.DEFAULT_EXTENSIONS);
        chunksByFile = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : data.corpusFiles().entrySet()) {
            chunksByFile.put(file.getKey(), chunkers.chunk(file.getValue(), Files.readString(file.getValue())));
        }
    }

    @Test
    void corpusChunksReproduceExactlyTheLabelledHashes() throws IOException {
        Set<String> expected = data.labelledHashes();
        assertEquals(195, expected.size(), "cases.json should label 195 chunks");
        Set<String> produced = new TreeSet<>();
        List<String> unexpected = new ArrayList<>();
        chunksByFile.forEach((file, chunks) -> {
            for (Chunk chunk : chunks) {
                String hash = chunk.contentHash();
                produced.add(hash);
                if (!expected.contains(hash)) {
                    unexpected.add(describe(file, chunk));
                }
            }
        });
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(produced);
        int matched = expected.size() - missing.size();
        System.out.printf("chunker conformance: %d/%d labelled hashes reproduced, %d unexpected chunks%n",
                matched, expected.size(), unexpected.size());
        assertTrue(missing.isEmpty() && unexpected.isEmpty(),
                () -> matched + "/" + expected.size() + " hashes reproduced; missing " + missing.size() + " "
                        + missing.stream().limit(5).toList() + "; first unexpected chunks:\n"
                        + String.join("\n", unexpected.subList(0, Math.min(5, unexpected.size()))));
        assertEquals(195, chunksByFile.values().stream().mapToInt(List::size).sum(), "one chunk per labelled hash");
    }

    @Test
    void eachTopicFileGivesFourChunksAndTheExtraFilesThreeInAll() {
        chunksByFile.forEach((file, chunks) -> {
            if (file.contains("/")) {
                assertEquals(4, chunks.size(), file);
            }
        });
        assertEquals(2, chunksByFile.get("README.md").size());
        assertEquals(1, chunksByFile.get("GENERATION.md").size());
    }

    @Test
    void everyCaseTargetFileChunksAreExactlyItsRelevantLabels() throws IOException {
        List<QualityGateData.RelevantCase> cases = data.relevantCases();
        assertEquals(12, cases.size());
        for (QualityGateData.RelevantCase c : cases) {
            assertFalse(c.targetFiles().isEmpty(), c.caseId() + " has no relevant_globs in fixture.json");
            Set<String> produced = new TreeSet<>();
            for (String file : c.targetFiles()) {
                assertTrue(chunksByFile.containsKey(file), c.caseId() + ": " + file + " is not in the corpus");
                chunksByFile.get(file).forEach(chunk -> produced.add(chunk.contentHash()));
            }
            assertEquals(c.relevantHashes(), produced, c.caseId());
        }
    }

    @Test
    void theDisclaimerBlockquoteMergesIntoTheFirstSectionAndKeepsItsBreadcrumb() {
        Chunk first = chunksByFile.get("en/caching/runbook.md").get(0);
        assertTrue(first.content().startsWith("> Synthetic content for search regression testing"));
        assertEquals(List.of("## Set Redis maxmemory-policy and monitor evictions"), first.hierarchy());
        assertEquals(1, first.startLine());
    }

    private static String describe(String file, Chunk chunk) {
        String text = chunk.content();
        return "  " + file + " " + chunk.hierarchy() + " lines " + chunk.startLine() + "-" + chunk.endLine()
                + " hash " + chunk.contentHash() + "\n    " + text.substring(0, Math.min(300, text.length()))
                .replace("\n", "\\n");
    }
}
