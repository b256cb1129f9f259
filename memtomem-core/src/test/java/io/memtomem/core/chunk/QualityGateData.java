package io.memtomem.core.chunk;

import io.memtomem.core.SharedEval;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The reference's quality-gate corpus and labels under {@code ../shared/eval}, read for conformance tests. */
final class QualityGateData {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path corpus;
    final Path qualityGate;

    private QualityGateData(Path shared) {
        this.corpus = shared.resolve("eval/corpus_v2");
        this.qualityGate = shared.resolve("eval/quality-gate");
    }

    /** The data, or a skipped test with the reason (a failure under {@code CI=true}, where it must be present). */
    static QualityGateData locate() {
        String property = System.getProperty("memtomem.shared.dir");
        Path fallback = repoRoot().resolve("../shared").normalize();
        Path shared = property != null && !property.isBlank() ? Path.of(property).normalize() : fallback;
        QualityGateData data = new QualityGateData(shared);
        if (!data.isPresent()) {
            // e.g. mvn started inside the module directory, which makes the surefire default point elsewhere
            data = new QualityGateData(fallback);
        }
        if (!data.isPresent()) {
            String reason = "quality-gate data not found under " + shared.toAbsolutePath()
                    + " (set -Dmemtomem.shared.dir); conformance tests need eval/corpus_v2 and eval/quality-gate";
            if (SharedEval.required()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return data;
    }

    private boolean isPresent() {
        return Files.isDirectory(corpus) && Files.isRegularFile(qualityGate.resolve("cases.json"))
                && Files.isRegularFile(qualityGate.resolve("fixture.json"));
    }

    /** Every markdown file of the corpus, relative path ({@code en/caching/adr.md}) to absolute path. */
    Map<String, Path> corpusFiles() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".md")).sorted()
                    .forEach(p -> files.put(corpus.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }

    /** All hashes labelled in {@code cases.json}: every case labels the whole corpus. */
    Set<String> labelledHashes() throws IOException {
        Set<String> hashes = new TreeSet<>();
        for (JsonNode c : JSON.readTree(qualityGate.resolve("cases.json").toFile()).path("cases")) {
            for (JsonNode label : c.path("labels")) {
                hashes.add(label.path("content_hash").asText());
            }
        }
        return hashes;
    }

    /** A quality-gate case: its target file (from {@code fixture.json}) and the hashes labelled relevant. */
    record RelevantCase(String caseId, List<String> targetFiles, Set<String> relevantHashes) {
    }

    List<RelevantCase> relevantCases() throws IOException {
        Map<String, List<String>> globs = new LinkedHashMap<>();
        for (JsonNode def : JSON.readTree(qualityGate.resolve("fixture.json").toFile()).path("case_defs")) {
            List<String> files = new ArrayList<>();
            def.path("relevant_globs").forEach(g -> files.add(g.asText()));
            globs.put(def.path("case_id").asText(), files);
        }
        List<RelevantCase> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(qualityGate.resolve("cases.json").toFile()).path("cases")) {
            Set<String> relevant = new TreeSet<>();
            for (JsonNode label : c.path("labels")) {
                if ("relevant".equals(label.path("judgment").asText())) {
                    relevant.add(label.path("content_hash").asText());
                }
            }
            String id = c.path("case_id").asText();
            cases.add(new RelevantCase(id, globs.getOrDefault(id, List.of()), relevant));
        }
        return cases;
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("memtomem-core"))) {
                return p;
            }
        }
        return dir;
    }
}
