package io.memtomem.cli.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts written for the Python memtomem's {@code mm} run on ours: its option names and {@code --format}s. */
class ReferenceVocabularyTest extends InitializedStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void addNotes() {
        cli.run("add", "Roll back the deploy with kubectl rollout undo. " + "Then watch the pods. ".repeat(20),
                "--tags", "ops", "--title", "Rollback");
        cli.run("add", "Redis evicts session keys under memory pressure", "--tags", "cache", "--file", "redis.md");
    }

    @Test
    void searchTakesTheReferencesFilterNames() throws Exception {
        assertEquals(1, json(cli.run("search", "redis", "--source-filter", "redis.md", "--format", "json")).size());
        assertEquals(0, json(cli.run("search", "redis", "--source-filter", "nothing.md", "--format", "json")).size());
        assertEquals(1, json(cli.run("search", "redis", "--tag-filter", "ops,cache", "--format", "json")).size());
        assertEquals(0, json(cli.run("search", "redis", "--tag-filter", "ops", "--format", "json")).size());
    }

    @Test
    void formatJsonIsTheReferencesBareListWithScoresToFourPlaces() throws Exception {
        JsonNode hits = json(cli.run("search", "kubectl rollout", "--format", "json"));
        assertTrue(hits.isArray(), hits::toString);
        JsonNode hit = hits.get(0);
        List<String> keys = new ArrayList<>();
        hit.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rank", "score", "source", "chunk_id", "content"), keys);
        double score = hit.get("score").asDouble();
        assertEquals(Math.round(score * 10_000d) / 10_000d, score);
        assertEquals(200, hit.get("content").asText().length(), "content is cut to 200 characters");
    }

    @Test
    void formatPlainAndContextRenderEveryHit() {
        Result plain = cli.run("search", "redis", "--format", "plain");
        assertEquals(0, plain.exitCode(), plain::toString);
        assertTrue(plain.out().lines().findFirst().orElseThrow().matches("\\[1] \\d+\\.\\d{4} .*redis\\.md"),
                plain.out());
        Result context = cli.run("search", "redis", "--format", "context");
        assertTrue(context.out().startsWith("## Relevant Memories\n"), context.out());
        assertTrue(context.out().contains("Redis evicts session keys under memory pressure"), context.out());
    }

    @Test
    void recallTakesTheReferencesFiltersAndFormats() throws Exception {
        JsonNode rows = json(cli.run("recall", "--source-filter", "redis.md", "--format", "json"));
        assertEquals(1, rows.size(), rows::toString);
        assertTrue(rows.get(0).get("content").asText().startsWith("Redis evicts"));
        assertEquals(1, json(cli.run("recall", "-t", "ops", "--format", "json")).size());
        assertTrue(cli.run("recall", "--format", "plain").out().startsWith("["));
    }

    @Test
    void statusFormatJsonIsTheSameAsJson() throws Exception {
        JsonNode viaFormat = json(cli.run("status", "--format", "json"));
        assertEquals(json(cli.run("status", "--json")).get("index"), viaFormat.get("index"));
    }

    @Test
    void aFormatTheCommandDoesNotRenderIsAUsageError() {
        Result result = cli.run("recall", "--format", "context");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("valid for mm recall: table, json, plain"), result.err());
    }

    @Test
    void errorsUnderFormatJsonAreJsonOnStdout() throws Exception {
        Result result = cli.run("search", "x", "--format", "json", "--as-of", "not-a-date");
        assertTrue(result.exitCode() != 0, result::toString);
        assertTrue(JSON.readTree(result.out()).has("error"), result.out());
    }

    private static JsonNode json(Result result) throws Exception {
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.out());
    }
}
