package io.memtomem.cli.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingResetCommandTest {
    @TempDir
    Path temp;

    @Test
    void printsTheStoredAndConfiguredModelAfterTheReset() throws Exception {
        CliHarness cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
        cli.run("add", "something to embed");
        Result result = cli.run("embedding-reset");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Stored:") && result.out().contains("Configured:"), result.out());
        assertTrue(result.out().contains("Mismatch:   no"), result.out());

        JsonNode json = new ObjectMapper().readTree(cli.run("embedding-reset", "--json").out());
        assertEquals("none", json.get("configured").get("provider").asText());
        assertFalse(json.get("mismatch").asBoolean());
    }
}
