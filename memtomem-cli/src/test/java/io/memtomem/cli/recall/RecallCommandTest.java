package io.memtomem.cli.recall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecallCommandTest extends InitializedStoreTest {
    @BeforeEach
    void addNotes() {
        cli.run("add", "First memory about backups");
        cli.run("add", "Second memory about restores", "-n", "infra");
    }

    @Test
    void listsRecentMemoriesAsATable() {
        Result result = cli.run("recall");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().findFirst().orElse("").matches("Created\\s+Id\\s+Source\\s+Content"), result.out());
        assertTrue(result.out().contains("First memory") && result.out().contains("Second memory"), result.out());
    }

    @Test
    void namespaceLimitAndJsonAreHonoured() throws Exception {
        JsonNode chunks = new ObjectMapper().readTree(cli.run("recall", "-n", "infra", "--json").out()).get("chunks");
        assertEquals(1, chunks.size());
        assertTrue(chunks.get(0).get("content").asText().contains("Second memory"));
        assertEquals(1, new ObjectMapper().readTree(cli.run("recall", "--limit", "1", "--json").out())
                .get("chunks").size());
    }

    @Test
    void aRangeInTheFutureFindsNothing() {
        Result result = cli.run("recall", "--since", "2999-01-01");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("No memories in that range."), result.out());
    }

    @Test
    void untilBeforeAnyMemoryFindsNothingAndUntilLaterFindsAll() throws Exception {
        assertTrue(cli.run("recall", "--until", "2000-01-01").out().startsWith("No memories in that range."));
        JsonNode chunks = new ObjectMapper().readTree(cli.run("recall", "--since", "2000-01-01", "--until",
                "2999-01-01", "--json").out()).get("chunks");
        assertEquals(2, chunks.size());
    }

    @Test
    void aMalformedDateIsAOneLineError() {
        Result result = cli.run("recall", "--since", "last tuesday");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: ") && result.err().contains("since"), result.err());
    }
}
