package io.memtomem.cli.completion;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionCommandTest {
    @TempDir
    Path temp;

    @Test
    void printsABashAndZshCompletionScriptCoveringTheSubcommands() {
        Result result = CliHarness.in(temp).run("completion");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("complete -F _complete_mm"), "bash registration");
        assertTrue(result.out().contains("bashcompinit"), "zsh support through bashcompinit");
        assertTrue(result.out().contains("uninstall") && result.out().contains("--keep-data"), "subcommands");
    }
}
