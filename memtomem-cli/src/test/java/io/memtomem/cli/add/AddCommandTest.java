package io.memtomem.cli.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.InitializedStoreTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddCommandTest extends InitializedStoreTest {
    private static final Pattern ADDED = Pattern.compile("Added to (.+) \\((\\d+) chunks indexed\\)");

    @Test
    void addsToTheDayFileInTheMemoryDirAndIndexesIt() throws Exception {
        Result result = cli.run("add", "Deploys are frozen on Fridays", "--tags", "ops,deploy", "--title", "Freeze");
        assertEquals(0, result.exitCode(), result::toString);
        Matcher added = ADDED.matcher(result.out().strip());
        assertTrue(added.matches(), result.out());
        Path file = Path.of(added.group(1));
        assertTrue(file.startsWith(cli.config().indexing().memoryDirs().get(0)), file::toString);
        String markdown = Files.readString(file);
        assertTrue(markdown.contains("## Freeze") && markdown.contains("Deploys are frozen on Fridays"), markdown);
        assertTrue(markdown.contains("ops") && markdown.contains("deploy"), markdown);
        assertTrue(Integer.parseInt(added.group(2)) >= 1);
        assertTrue(cli.run("search", "frozen").out().contains("Deploys are frozen"));
    }

    @Test
    void aDashReadsTheTextFromStdin() throws Exception {
        Result result = cli.runWithStdin("Rotate the DNS API token every 90 days\n", "add", "-");
        assertEquals(0, result.exitCode(), result::toString);
        Matcher added = ADDED.matcher(result.out().strip());
        assertTrue(added.matches(), result.out());
        assertTrue(Files.readString(Path.of(added.group(1))).contains("Rotate the DNS API token"));
    }

    @Test
    void fileAndNamespaceAreHonouredAndJsonReportsThem() throws Exception {
        Result result = cli.run("add", "PgBouncer follows the new primary", "--file", "db/postgres.md",
                "--namespace", "infra", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(cli.config().indexing().memoryDirs().get(0).resolve("db/postgres.md").toString(),
                json.get("file").asText());
        assertEquals("infra", json.get("namespace").asText());
        assertTrue(json.get("chunks_indexed").asInt() >= 1);
    }

    @Test
    void blankTextIsRefusedWithAOneLineError() {
        Result result = cli.run("add", "   ");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: "), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void aTargetThatIsNotAFileIsAOneLineError() throws Exception {
        Files.createDirectories(cli.config().indexing().memoryDirs().get(0).resolve("folder.md"));
        Result result = cli.run("add", "cannot go into a directory", "--file", "folder.md");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: ") && result.err().contains("folder.md"), result.err());
    }

    @Test
    void aTargetFileOutsideTheMemoryDirsIsRefused() {
        Result result = cli.run("add", "escape attempt", "--file", "../../outside.md");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("outside"), result.err());
    }
}
