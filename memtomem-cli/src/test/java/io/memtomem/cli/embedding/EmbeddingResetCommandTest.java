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

    @Test
    void modesAsThePythonMemtomemNamesThemStatusChangesNothingAndRevertPointsTheConfigBack() throws Exception {
        CliHarness cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
        cli.run("add", "something to embed");
        assertEquals(0, cli.run("config", "set", "embedding.provider", "ollama").exitCode());
        assertEquals(0, cli.run("config", "set", "embedding.model", "nomic-embed-text").exitCode());
        assertEquals(0, cli.run("config", "set", "embedding.dimension", "768").exitCode());

        Result status = cli.run("embedding-reset", "--mode", "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("Mismatch:   yes"), status.out());
        assertTrue(cli.run("embedding-reset", "--mode", "status").out().contains("Mismatch:   yes"),
                "status changes nothing");

        Result revert = cli.run("embedding-reset", "--mode", "revert-to-stored", "--json");
        assertEquals(0, revert.exitCode(), revert::toString);
        JsonNode json = new ObjectMapper().readTree(revert.out());
        assertFalse(json.get("mismatch").asBoolean(), revert.out());
        assertEquals("none", json.get("configured").get("provider").asText());
        assertEquals("none", cli.config().embedding().provider());
    }

    @Test
    void anUnknownModeIsAUsageError() {
        CliHarness cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
        Result result = cli.run("embedding-reset", "--mode", "sideways");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("status, apply-current, revert-to-stored"), result.err());
    }
}
