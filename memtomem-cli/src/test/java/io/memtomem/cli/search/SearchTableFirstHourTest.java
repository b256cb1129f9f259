package io.memtomem.cli.search;

import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new user sees in the first searches: tables that fit, ids that work, scores and empty results explained. */
class SearchTableFirstHourTest extends InitializedStoreTest {

    @Test
    void noResultsOnAnEmptyStoreSaysHowToFillIt() {
        Result result = cli.run("search", "anything");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("No results: nothing is indexed yet."), result.out());
        cli.run("add", "Deploys are frozen on Fridays");
        assertTrue(cli.run("search", "kubernetes").out().startsWith("No results: no indexed note matches"));
    }

    @Test
    void theQuickStartNotesScoreDoesNotReadAsZero() {
        cli.run("add", "Deploys are frozen on Fridays after 15:00; hotfixes need the on-call lead's approval.",
                "--tags", "ops");
        Result result = cli.run("search", "deploy freeze Friday");
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(1).matches("1\\s+1\\.0000\\s+.*"), result.out());
        assertTrue(result.out().contains("Scores relative to the best hit"), result.out());
    }

    @Test
    void searchAndRecallTablesFit100ColumnsShowNoHeaderAndAShortIdThatReadTakes() {
        String longPath = "a-rather-long-directory-name/and-another-one/" + "notes-with-a-long-name.md";
        cli.run("add", "Redis evicts session keys under memory pressure " + "and more words ".repeat(10),
                "--file", longPath);
        for (String[] command : new String[][] {{"search", "redis"}, {"recall"}}) {
            Result result = cli.run(command);
            assertEquals(0, result.exitCode(), result::toString);
            result.out().lines().forEach(line -> assertTrue(line.length() <= 100, line.length() + ": " + line));
            assertFalse(result.out().contains("> created:"), result.out());
            String row = result.out().lines().skip(1).findFirst().orElseThrow();
            String shortId = row.split("\\s+")[command[0].equals("search") ? 2 : 1];
            assertEquals(8, shortId.length(), row);
            Result read = cli.run("read", shortId);
            assertEquals(0, read.exitCode(), read::toString);
            assertTrue(read.out().contains("Redis evicts session keys"), read.out());
        }
    }
}
