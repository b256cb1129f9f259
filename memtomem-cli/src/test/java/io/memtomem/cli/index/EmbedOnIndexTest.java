package io.memtomem.cli.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the bundled local model configured, the short-lived front ends embed what they index before they exit (a
 * background embedder would die with the process), and a search over chunks without vectors says so.
 */
class EmbedOnIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliHarness cli;
    private Path notes;

    @BeforeEach
    void setUp() throws Exception {
        cli = CliHarness.in(temp)
                .withEnv("MEMTOMEM_EMBEDDING__PROVIDER", "onnx")
                .withEnv("MEMTOMEM_EMBEDDING__MODEL", "all-MiniLM-L6-v2-q")
                .withEnv("MEMTOMEM_EMBEDDING__DIMENSION", "384");
        cli.run("init", "--non-interactive");
        notes = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notes.resolve("deploy.md"), "# Deploy\n\nRoll back with kubectl rollout undo.\n");
        Files.writeString(notes.resolve("dns.md"), "# DNS\n\nCoreDNS forward zone typo broke resolution.\n");
    }

    private JsonNode json(Result result) throws Exception {
        assertEquals(0, result.exitCode(), result::toString);
        return JSON.readTree(result.out());
    }

    @Test
    void indexEmbedsEveryChunkItIndexedBeforeReturning() throws Exception {
        JsonNode indexed = json(cli.run("index", notes.toString(), "--json"));
        assertEquals(2, indexed.get("embedded").asLong(), indexed::toString);
        assertEquals(0, indexed.get("vectors_pending").asLong(), indexed::toString);

        JsonNode status = json(cli.run("status", "--json"));
        assertEquals(0, status.findValue("vectors_pending").asLong(), status::toString);
        assertEquals(2, status.findValue("vectors_stored").asLong(), status::toString);

        Result search = cli.run("search", "rollback of a deployment", "--json");
        JsonNode found = json(search);
        assertEquals(0, found.get("warnings").size(), found::toString);
        assertFalse(search.err().contains("Warning"), search::toString);
    }

    @Test
    void indexPrintsAnEmbeddedLineAfterTheSummaryAndNoLibraryLogLines() {
        Result result = cli.run("index", notes.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("Embedded 2 chunk\\(s\\) \\(\\d+ms\\)")),
                result::toString);
        assertEquals("", result.err(), "no progress bar without a terminal");
    }

    @Test
    void theTokenizerLibrarysStartupChatterIsNotLogged() {
        // DJL logs "Failed to detect GPU count" (WARN) and "Extracting native/lib/... to cache" (INFO) on a cold start
        assertFalse(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled());
        assertFalse(LoggerFactory.getLogger("ai.djl.huggingface.tokenizers.jni.LibUtils").isInfoEnabled());
        assertTrue(LoggerFactory.getLogger("io.memtomem.audit").isWarnEnabled(), "our own warnings still show");
    }

    @Test
    void addEmbedsTheNewEntryBeforeReturning() throws Exception {
        JsonNode added = json(cli.run("add", "Postgres vacuum runs nightly", "--json"));
        assertEquals(0, added.get("vectors_pending").asLong(), added::toString);
        assertEquals(0, json(cli.run("status", "--json")).findValue("vectors_pending").asLong());
    }

    @Test
    void searchWarnsAboutChunksWithoutVectorsUntilEmbedRuns() throws Exception {
        JsonNode indexed = json(cli.run("index", notes.toString(), "--no-embed", "--json"));
        assertEquals(0, indexed.get("embedded").asLong());
        assertEquals(2, json(cli.run("status", "--json")).findValue("vectors_pending").asLong());

        Result text = cli.run("search", "CoreDNS");
        assertTrue(text.err().contains("Warning: 2 chunk(s) have no vector yet"), text::toString);
        assertTrue(text.err().contains("`mm embed`"), text::toString);
        JsonNode warned = json(cli.run("search", "CoreDNS", "--json"));
        assertEquals(1, warned.get("warnings").size(), warned::toString);
        assertTrue(warned.get("warnings").get(0).asText().startsWith("2 chunk(s) have no vector yet"));

        Result embed = cli.run("embed");
        assertEquals(0, embed.exitCode(), embed::toString);
        assertTrue(embed.out().startsWith("Embedded 2 chunk(s)"), embed::toString);
        assertEquals(0, json(cli.run("search", "CoreDNS", "--json")).get("warnings").size());
        assertEquals("Nothing to embed", cli.run("embed").out().strip());
    }
}
