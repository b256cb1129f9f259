package io.memtomem.cli.delete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteAndEditCommandTest extends InitializedStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private String idOf(String query) throws Exception {
        return JSON.readTree(cli.run("search", query, "--json").out()).get("results").get(0).get("chunk_id").asText();
    }

    @Test
    void aSecondDeleteOfTheSameIdIsNotFoundWithExitOneAndLeavesTheTwinEntry() throws Exception {
        cli.run("add", "no meetings today", "--title", "Monday");
        cli.run("add", "no meetings today", "--title", "Tuesday");
        String monday = JSON.readTree(cli.run("search", "meetings", "--json").out()).get("results").findValues(
                "chunk_id").stream().map(JsonNode::asText)
                .filter(id -> cli.run("read", id).out().contains("## Monday")).findFirst().orElseThrow();

        Result first = cli.run("delete", monday);
        Result second = cli.run("delete", monday);

        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().startsWith("Deleted " + monday), first.out());
        assertEquals(1, second.exitCode(), second::toString);
        assertTrue(second.err().contains("not found"), second.err());
        String left = cli.run("search", "meetings", "--json").out();
        assertTrue(left.contains("## Tuesday"), left);
        assertFalse(left.contains("## Monday"), left);
    }

    @Test
    void editPrintsTheNewIdAndAnEditOfTheOldIdIsNotFound() throws Exception {
        cli.run("add", "Certificates renew 30 days before expiry", "--title", "Renewal");
        String id = idOf("renew");

        Result edited = cli.run("edit", id, "Certificates renew 14 days before expiry", "--json");
        Result again = cli.run("edit", id, "anything");

        assertEquals(0, edited.exitCode(), edited::toString);
        JsonNode json = JSON.readTree(edited.out());
        assertEquals(id, json.get("old_chunk_id").asText());
        assertEquals(idOf("renew"), json.get("new_chunk_id").asText());
        assertEquals(1, again.exitCode(), again::toString);
        assertTrue(again.err().contains("not found"), again.err());
    }
}
