package io.memtomem.cli.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadCommandTest extends InitializedStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void addNotes() {
        cli.run("add", "Certificates renew 30 days before expiry", "--tags", "tls", "--title", "Renewal");
    }

    @Test
    void printsTheChunkWithItsLocation() throws Exception {
        String id = JSON.readTree(cli.run("search", "renew", "--json").out()).get("results").get(0)
                .get("chunk_id").asText();
        Result result = cli.run("read", id);
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().findFirst().orElse("").matches(".+\\.md:\\d+-\\d+"), result.out());
        assertTrue(result.out().contains("Certificates renew 30 days"), result.out());

        JsonNode json = JSON.readTree(cli.run("read", id, "--json").out());
        assertEquals(id, json.get("chunk_id").asText());
        assertTrue(json.get("tags").toString().contains("tls"), json::toString);
    }

    @Test
    void anUnknownIdIsNotFoundWithExitOne() {
        Result result = cli.run("read", "00000000-0000-4000-8000-000000000000");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("not found"), result.err());
    }

    @Test
    void aMalformedIdIsAOneLineError() {
        Result result = cli.run("read", "not-a-uuid");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: "), result.err());
    }
}
