package io.memtomem.cli.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListCommandTest extends InitializedStoreTest {

    @Test
    void anEmptyStoreSaysSo() {
        Result result = cli.run("list");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("No indexed sources.", result.out().strip());
    }

    @Test
    void listsEachSourceWithItsChunkCountAndFilters() throws Exception {
        cli.run("add", "alpha note", "--file", "alpha.md");
        cli.run("add", "beta note", "--file", "beta.md", "-n", "infra");
        Result table = cli.run("list");
        assertTrue(table.out().contains("alpha.md") && table.out().contains("beta.md"), table.out());

        JsonNode sources = new ObjectMapper().readTree(cli.run("list", "--source", "beta", "--json").out())
                .get("sources");
        assertEquals(1, sources.size());
        assertTrue(sources.get(0).get("source").asText().endsWith("beta.md"));
        assertEquals(1, new ObjectMapper().readTree(cli.run("list", "-n", "infra", "--json").out())
                .get("sources").size());
    }

    @Test
    void aReversedGlobRangeIsAnErrorInListAndSearch() {
        cli.run("add", "alpha note", "--file", "alpha.md");
        for (String command : List.of("list", "search")) {
            Result result = command.equals("list") ? cli.run("list", "--source", "*/[z-a].md")
                    : cli.run("search", "alpha", "--source", "*/[z-a].md");
            assertEquals(2, result.exitCode(), result::toString);
            assertTrue(result.err().contains("Error: source_filter '*/[z-a].md' has the reversed range z-a"),
                    result.err());
            assertFalse(result.err().contains("Exception"), result.err());
        }
    }
}
