package io.memtomem.cli;

import io.memtomem.cli.CliHarness.Result;
import io.memtomem.core.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path temp;

    @Test
    void versionIsTheCoreVersionTheServerAlsoReports() {
        Result result = CliHarness.in(temp).run("--version");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Version.current(), result.out().strip());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Result result = CliHarness.in(temp).run("--help");
        assertEquals(0, result.exitCode());
        for (String command : new String[] {"init", "status", "add", "search", "index", "recall", "list", "read",
                "edit", "delete", "config", "embedding-reset", "demo", "uninstall", "completion"}) {
            assertTrue(result.out().contains("  " + command + " "), command + " missing from\n" + result.out());
        }
        assertFalse(result.out().contains("cds-training"), "the build-time training command is hidden");
        assertTrue(result.out().contains("Exit codes:"));
        assertTrue(result.out().contains("2   Refused (nothing was changed) or invalid usage."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "status", "add", "search", "index", "recall", "list", "read", "edit", "delete",
            "config", "config show", "config set", "config unset", "embedding-reset", "demo", "uninstall",
            "completion"})
    void everyCommandHasHelpWithTheExitCodesAndTouchesNothing(String command) {
        CliHarness cli = CliHarness.in(temp);
        Result result = cli.run((command + " --help").split(" "));
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Usage: mm " + command), result.out());
        assertTrue(result.out().contains("Exit codes:"), result.out());
        assertFalse(Files.exists(cli.stateDir()));
    }

    @Test
    void everyRegisteredNameIsTheCommandsOwnName() {
        MmCommand.SUBCOMMANDS.forEach((name, type) ->
                assertEquals(name, type.getAnnotation(picocli.CommandLine.Command.class).name()));
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        assertEquals(List.of("status"), List.copyOf(MmCommand.neededFor("--verbose", "status", "--json").keySet()));
        assertEquals(List.of(), List.copyOf(MmCommand.neededFor("--version").keySet()));
        assertEquals(MmCommand.SUBCOMMANDS, MmCommand.neededFor("--help"));
        assertEquals(MmCommand.SUBCOMMANDS, MmCommand.neededFor("help", "search"));
        assertEquals(MmCommand.SUBCOMMANDS, MmCommand.neededFor("frobnicate"));
        assertEquals(MmCommand.SUBCOMMANDS, MmCommand.neededFor());
    }

    @Test
    void helpForOneCommandThroughTheHelpCommandWorks() {
        Result result = CliHarness.in(temp).run("help", "search");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Usage: mm search"), result.out());
    }

    @Test
    void anUnknownFlagIsAUsageErrorOnOneLine() {
        Result result = CliHarness.in(temp).run("search", "--bogus", "query");
        assertEquals(2, result.exitCode());
        assertEquals("Error: Unknown option: '--bogus' (see 'mm search --help')", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        Result result = CliHarness.in(temp).run("search");
        assertEquals(2, result.exitCode());
        assertEquals("Error: Missing required parameter: 'QUERY' (see 'mm search --help')", result.err().strip());
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = CliHarness.in(temp).run();
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Error: Missing command"), result.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result result = CliHarness.in(temp).run("frobnicate");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Error: Unmatched argument"), result.err());
    }

    @Test
    void errorsAreOneLineWithoutAStackTraceUnlessVerbose() {
        CliHarness cli = CliHarness.in(temp);
        Result quiet = cli.run("read", "not-a-uuid");
        assertEquals(2, quiet.exitCode(), quiet::toString);
        assertEquals(1, quiet.err().strip().lines().count(), quiet.err());
        assertTrue(quiet.err().startsWith("Error: "), quiet.err());

        Result verbose = cli.run("--verbose", "read", "not-a-uuid");
        assertEquals(2, verbose.exitCode());
        assertTrue(verbose.err().contains("\tat io.memtomem."), verbose.err());
    }

    @Test
    void verboseIsAcceptedAfterTheSubcommandToo() {
        Result result = CliHarness.in(temp).run("read", "not-a-uuid", "--verbose");
        assertTrue(result.err().contains("\tat io.memtomem."), result.err());
    }

    @Test
    void noColourWithoutATerminal() {
        Result result = CliHarness.in(temp).run("search", "--bogus");
        assertFalse(result.err().contains("\u001b["), result.err());
    }

    @Test
    void colourOnATerminalButNeverWithNoColor() {
        CliHarness cli = CliHarness.in(temp);
        Result coloured = cli.runInteractive("", "search", "--bogus");
        assertTrue(coloured.err().contains("\u001b[31mError:"), coloured.err());

        Result plain = cli.withEnv("NO_COLOR", "1").runInteractive("", "search", "--bogus");
        assertFalse(plain.err().contains("\u001b["), plain.err());
    }

    @Test
    void aMistypedCommandGetsADidYouMean() {
        Result result = CliHarness.in(temp).run("serch", "deploy");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Did you mean: search"), result.err());
    }

    @Test
    void aMistypedOptionGetsADidYouMean() {
        Result result = CliHarness.in(temp).run("init", "--non-interactiv");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Did you mean: --non-interactive?"), result.err());
    }

    @Test
    void aUsageErrorWithJsonIsJsonOnStdout() throws Exception {
        Result result = CliHarness.in(temp).run("search", "deploy", "--json", "--top-k", "x");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out()).path("error").isTextual(),
                result.out());
    }
}
