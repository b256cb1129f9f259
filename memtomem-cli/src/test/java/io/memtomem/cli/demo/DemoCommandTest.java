package io.memtomem.cli.demo;

import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @TempDir
    Path temp;

    @Test
    void everySampleNoteShipsInTheJar() {
        SampleNotes.FILES.forEach(name -> assertNotNull(SampleNotes.class.getResource("/samples/" + name), name));
    }

    @Test
    void indexesTheSamplesRunsThreeSearchesWithHitsAndLeavesNothingBehind() {
        CliHarness cli = CliHarness.in(temp);
        Result result = cli.withEnv("MEMTOMEM_STORAGE__SQLITE_PATH", temp.resolve("must-not-be-used.db").toString())
                .run("demo");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Indexed 6 file(s): "), result.out());
        for (String query : DemoCommand.QUERIES) {
            assertTrue(result.out().contains("Search: \"" + query + "\""), query);
        }
        assertTrue(result.out().contains("1. ") && !result.out().contains("(no results)"), result.out());
        assertTrue(result.out().contains("deploy-rollback.md"), "the rollback query finds the runbook");
        assertTrue(result.out().contains("tls-certificate-rotation.md"), result.out());
        assertTrue(result.out().contains("redis-memory-pressure.md"), result.out());

        Matcher store = Pattern.compile("Deleted the demo store (\\S+)\\.").matcher(result.out());
        assertTrue(store.find(), result.out());
        assertFalse(Files.exists(Path.of(store.group(1))), "the temp store is deleted");
        assertFalse(Files.exists(cli.stateDir()), "the real ~/.memtomem is never touched");
        assertFalse(Files.exists(temp.resolve("must-not-be-used.db")), "MEMTOMEM_* variables are ignored");
    }
}
