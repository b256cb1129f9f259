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
        assertEquals(List.of(cli.stateDir().resolve("memories")), cli.config().indexing().memoryDirs());
        assertEquals("none", cli.config().embedding().provider());
        assertTrue(result.out().contains("mm search"), result.out());
    }

    @Test
    void memoryDirIsResolvedAgainstTheWorkingDirectory() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project"));
        Result result = cli.inDirectory(project).run("init", "--memory-dir", "notes");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(project.resolve("notes")), cli.config().indexing().memoryDirs());
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
        assertEquals("onnx", cli.config().embedding().provider());
        assertEquals(List.of(cli.home().resolve("notes")), cli.config().indexing().memoryDirs());
    }

    @Test
    void emptyAnswersTakeTheDefaults() {
        assertEquals(0, cli.runInteractive("\n\n", "init").exitCode());
        assertEquals("none", cli.config().embedding().provider());
    }

    @Test
    void anUnknownPresetAtThePromptAsksAgain() {
        Result result = cli.runInteractive("klingon\nenglish\n\n", "init");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("choose minimal or english"), result.out());
        assertEquals("onnx", cli.config().embedding().provider());
    }

    @Test
    void aFileGivenAsMemoryDirAtThePromptAsksAgain() throws Exception {
        Files.writeString(Files.createDirectories(cli.home()).resolve("notes.txt"), "x");
        Result result = cli.runInteractive("\n~/notes.txt\n~/notes\n", "init");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("that is a file"), result.out());
        assertEquals(List.of(cli.home().resolve("notes")), cli.config().indexing().memoryDirs());
    }

    @Test
    void thePresetFlagChoosesTheEmbeddingProvider() {
        assertEquals(0, cli.run("init", "--non-interactive", "--preset", "english").exitCode());
        assertEquals("onnx", cli.config().embedding().provider());
    }

    @Test
    void anUnknownPresetFlagIsAUsageErrorNamingThePresetsLowerCase() {
        Result result = cli.run("init", "--preset", "klingon");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("choose minimal or english"), result.err());
        assertFalse(result.err().contains("MINIMAL") || result.err().contains("ENGLISH"), result.err());
    }

    @Test
    void helpAndCompletionNameThePresetsLowerCase() {
        Result help = cli.run("init", "--help");
        assertTrue(help.out().contains("minimal, english"), help.out());
        assertFalse(help.out().contains("MINIMAL"), help.out());
        assertFalse(cli.run("completion").out().contains("MINIMAL"));
    }

    @Test
    void aSecondInitWithoutAPresetLeavesTheExistingConfigAlone() {
        cli.run("init", "--non-interactive");
        cli.run("config", "set", "search.default_top_k", "7");
        Result again = cli.run("init", "--non-interactive");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("already configured"), again.out());
        assertEquals(7, cli.config().search().defaultTopK());
        assertEquals("none", cli.config().embedding().provider());
    }

    @Test
    void aSecondInitWithAnotherPresetSwitchesItAndKeepsTheRest() {
        cli.run("init", "--non-interactive");
        cli.run("config", "set", "search.default_top_k", "7");
        Result again = cli.run("init", "--non-interactive", "--preset", "english");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("preset english (was minimal)"), again.out());
        assertEquals("onnx", cli.config().embedding().provider());
        assertEquals(7, cli.config().search().defaultTopK());
    }

    @Test
    void initIndexesTheMemoryDirAndSaysHowManyNotesAreSearchable() throws Exception {
        Path notes = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notes.resolve("deploys.md"), "# Deploys\n\nDeploys are frozen on Fridays.\n");
        Files.writeString(notes.resolve("oncall.md"), "# On-call\n\nThe pager rotates on Mondays.\n");
        Result result = cli.run("init", "--non-interactive", "--memory-dir", notes.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("2 note file(s)") && result.out().contains("searchable"), result.out());
        assertTrue(cli.run("search", "pager rotates").out().contains("oncall.md"));
    }

    @Test
    void nextStepsSayHowToPutMmOnThePathWhenItIsNotThere() {
        String bin = temp.resolve("install/bin").toString();
        Result result = withLauncherDir(bin, () -> cli.withEnv("PATH", "/usr/bin").run("init", "--non-interactive"));
        assertTrue(result.out().contains("export PATH=\"" + bin + ":$PATH\""), result.out());
        assertTrue(result.out().contains("\"" + bin + "/mm\" search"), result.out());
        assertEquals(1, result.out().split("/mm\" doctor", -1).length - 1, "each next step once: " + result.out());
    }

    static Result withLauncherDir(String bin, java.util.function.Supplier<Result> run) {
        String before = System.getProperty("memtomem.bin");
        System.setProperty("memtomem.bin", bin);
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty("memtomem.bin");
            } else {
                System.setProperty("memtomem.bin", before);
            }
        }
    }
}
