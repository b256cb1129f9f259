package io.memtomem.cli.config;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mm} on a store whose {@code config.json} the Python memtomem wrote (fixtures of memtomem-core's tests: its
 * {@code mm init} presets and a file with all 123 of its keys).
 */
class PythonWrittenConfigTest {
    @TempDir
    Path temp;

    private CliHarness withPythonConfig(String fixture) throws IOException {
        CliHarness cli = CliHarness.in(temp);
        Path file = cli.stateDir().resolve("config.json");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/python-config/" + fixture)) {
            Files.write(file, in.readAllBytes());
        }
        Files.createDirectories(cli.stateDir().resolve("memories"));
        return cli;
    }

    @ParameterizedTest
    @ValueSource(strings = {"init-minimal.json", "init-english.json", "every-key.json"})
    void statusWorksOnAPythonWrittenConfigAndListsTheKeysWithoutEffectOnce(String fixture) throws IOException {
        CliHarness cli = withPythonConfig(fixture);
        Result status = cli.run("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertEquals(1, status.out().split("accepted, no effect in memtomem-java", -1).length - 1, status.out());
        assertTrue(status.out().contains("indexing.auto_discover"), status.out());
        assertEquals("", status.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"init-minimal.json", "every-key.json"})
    void searchWorksOnAPythonWrittenConfig(String fixture) throws IOException {
        CliHarness cli = withPythonConfig(fixture);
        Path notes = cli.stateDir().resolve("memories/notes.md");
        Files.writeString(notes, "# Deploy\n\nThe deploy runbook lives in the ops repository.\n");
        assertEquals(0, cli.run("index", notes.getParent().toString()).exitCode());
        Result search = cli.run("search", "runbook");
        assertEquals(0, search.exitCode(), search::toString);
        assertTrue(search.out().contains("notes.md"), search.out());
        assertEquals("", search.err());
    }

    /** The english preset's model (bge-small-en-v1.5) is not bundled yet: the error is about the model, not the config. */
    @Test
    void theEnglishPresetsSearchFailsOnlyOnTheModelItNames() throws IOException {
        Result search = withPythonConfig("init-english.json").run("search", "anything");
        assertTrue(search.exitCode() == 0 || search.err().contains("bge-small-en-v1.5"), search::toString);
        assertFalse(search.err().contains("config key"), search.err());
    }

    @Test
    void configShowMarksKeysWithoutEffectAndSetSaysSo() throws IOException {
        CliHarness cli = withPythonConfig("init-minimal.json");
        Result show = cli.run("config", "show");
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.out().contains("decay.enabled = false  (accepted, no effect in memtomem-java)"), show.out());
        assertTrue(show.out().lines().anyMatch(line -> line.equals("search.default_top_k = 10")), show.out());
        Result set = cli.run("config", "set", "decay.enabled", "true");
        assertEquals(0, set.exitCode(), set::toString);
        assertTrue(set.err().contains("decay.enabled is a setting of the Python memtomem")
                && set.err().contains("no effect here"), set.err());
    }

    @Test
    void aKeyNeitherToolKnowsIsAWarningWithASuggestionNotAnError() throws IOException {
        CliHarness cli = withPythonConfig("init-minimal.json");
        Files.writeString(cli.stateDir().resolve("config.json"), "{\"search\": {\"default_topk\": 5}}");
        Result status = cli.run("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.err().contains("Warning: unknown config key 'search.default_topk'")
                && status.err().contains("Did you mean 'search.default_top_k'?"), status.err());
        assertTrue(status.out().contains("config_unknown_key"), status.out());
    }

    @Test
    void secretsOfThePythonSectionsAreMasked() throws IOException {
        CliHarness cli = withPythonConfig("init-minimal.json");
        Files.writeString(cli.stateDir().resolve("config.json"),
                "{\"webhook\": {\"secret\": \"hook-secret\"}, \"session_trace\": {\"langfuse_secret_key\": \"lf-secret\"}}");
        Result show = cli.run("config", "show");
        assertFalse(show.out().contains("hook-secret") || show.out().contains("lf-secret"), show.out());
    }

    @Test
    void statusReportsAnExistingStoreWhoseConfiguredModelCannotStart() throws IOException {
        CliHarness cli = withPythonConfig("init-minimal.json");
        assertEquals(0, cli.run("add", "Blue-green deploys flip the router.").exitCode());
        try (InputStream in = getClass().getResourceAsStream("/python-config/init-english.json")) {
            // the english preset with a model this build does not bundle (its own bge-small-en-v1.5 is bundled)
            String english = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Files.writeString(cli.stateDir().resolve("config.json"), english.replace("bge-small-en-v1.5", "bge-m3"));
        }
        Result status = cli.run("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("embedding_unavailable") && status.out().contains("bge-m3"),
                status.out());
        assertTrue(status.out().lines().anyMatch(line -> line.matches("Total chunks:\\s+1")), status.out());
    }
}
