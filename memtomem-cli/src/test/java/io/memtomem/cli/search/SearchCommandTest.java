package io.memtomem.cli.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCommandTest extends InitializedStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void addNotes() {
        cli.run("add", "Roll back the deploy with kubectl rollout undo", "--tags", "ops", "--title", "Rollback");
        cli.run("add", "Redis evicts session keys under memory pressure", "--tags", "cache", "--namespace", "infra",
                "--file", "redis.md");
    }

    @Test
    void printsATableWithTheCandidateFooter() {
        Result result = cli.run("search", "rollout undo");
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).matches("Rank\\s+Score\\s+Id\\s+Source\\s+Content"), lines.get(0));
        assertTrue(lines.get(1).matches("1\\s+\\d+\\.\\d{4}\\s+[0-9a-f]{8}\\s+.+\\s+.*kubectl rollou.*"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ BM25 \\+ \\d+ dense → 1 results"), result.out());
    }

    @Test
    void jsonHasExactlyTheDocumentedFields() throws Exception {
        Result result = cli.run("search", "rollout", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode hit = JSON.readTree(result.out()).get("results").get(0);
        List<String> keys = new ArrayList<>();
        hit.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rank", "score", "source", "hierarchy", "namespace", "chunk_id", "content",
                "content_hash", "start_line", "end_line"), keys);
        assertTrue(Path.of(hit.get("source").asText()).isAbsolute());
        assertTrue(hit.get("hierarchy").isArray());
        assertEquals(1, hit.get("rank").asInt());
    }

    @Test
    void filtersByNamespaceTagAndSource() throws Exception {
        assertEquals(0, results(cli.run("search", "redis", "--namespace", "default", "--json")).size());
        assertEquals(1, results(cli.run("search", "redis", "-n", "infra", "--json")).size());
        assertEquals(1, results(cli.run("search", "redis", "--tag", "cache", "--json")).size());
        assertEquals(0, results(cli.run("search", "redis", "--tag", "ops", "--json")).size());
        assertEquals(1, results(cli.run("search", "redis", "--source", "redis.md", "--json")).size());
        assertEquals(1, results(cli.run("search", "deploy", "--top-k", "1", "--json")).size());
    }

    @Test
    void aQueryOfOnlyPunctuationFindsNothingAndSucceeds() {
        Result result = cli.run("search", "?!*\"()");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("No results: no indexed note matches"), result.out());
        assertFalse(result.err().contains("Error"), result.err());
    }

    @Test
    void anOutOfRangeTopKIsAOneLineError() {
        Result result = cli.run("search", "deploy", "--top-k", "0");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: ") && result.err().contains("top"), result.err());
    }

    @Test
    void aNonNumericTopKIsAUsageError() {
        Result result = cli.run("search", "deploy", "--top-k", "many");
        assertEquals(2, result.exitCode(), result::toString);
    }

    private static JsonNode results(Result result) throws Exception {
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.out()).get("results");
    }
}
