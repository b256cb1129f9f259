package io.memtomem.cli.init;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {
    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = CliHarness.in(temp);
    }

    @Test
    void nonInteractiveWritesConfigWithTheDefaults() {
        Result result = cli.run("init", "--non-interactive");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(cli.config().isConfigured());
        assertEquals(List.of(cli.stateDir().resolve("memories")), cli.config().memoryDirs());
        assertEquals("none", cli.config().embeddingProvider());
        assertTrue(result.out().contains("mm index " + cli.stateDir().resolve("memories")), result.out());
    }

    @Test
    void memoryDirIsResolvedAgainstTheWorkingDirectory() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Result result = cli.inDirectory(project).run("init", "--memory-dir", "notes");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(project.resolve("notes")), cli.config().memoryDirs());
    }

    @Test
    void withoutATerminalItNeverPrompts() {
        Result result = cli.run("init");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.out().contains("[minimal]"), result.out());
    }

    @Test
    void onATerminalItAsksForPresetAndMemoryDir() {
        Result result = cli.runInteractive("english\n~/notes\n", "init");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Preset") && result.out().contains("Memory directory"), result.out());
        assertEquals("onnx", cli.config().embeddingProvider());
        assertEquals(List.of(cli.home().resolve("notes")), cli.config().memoryDirs());
    }

    @Test
    void emptyAnswersTakeTheDefaults() {
        assertEquals(0, cli.runInteractive("\n\n", "init").exitCode());
        assertEquals("none", cli.config().embeddingProvider());
    }

    @Test
    void anUnknownPresetAtThePromptIsRefused() {
        Result result = cli.runInteractive("klingon\n", "init");
        assertEquals(2, result.exitCode(), result::toString);
        assertFalse(cli.config().isConfigured());
    }

    @Test
    void thePresetFlagChoosesTheEmbeddingProvider() {
        assertEquals(0, cli.run("init", "--non-interactive", "--preset", "english").exitCode());
        assertEquals("onnx", cli.config().embeddingProvider());
    }

    @Test
    void anUnknownPresetFlagIsAUsageError() {
        assertEquals(2, cli.run("init", "--preset", "klingon").exitCode());
    }

    @Test
    void aSecondInitLeavesTheExistingConfigAlone() throws Exception {
        cli.run("init", "--non-interactive");
        cli.run("config", "set", "search.default_top_k", "7");
        Result again = cli.run("init", "--non-interactive", "--preset", "english");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("already configured"), again.out());
        assertEquals(7, cli.config().defaultTopK());
    }
}
