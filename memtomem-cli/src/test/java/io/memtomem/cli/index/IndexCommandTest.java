package io.memtomem.cli.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexCommandTest {
    private static final String SUMMARY = "Indexed \\d+ file\\(s\\): \\d+ new, \\d+ unchanged, \\d+ deleted.* \\(\\d+ms\\)";

    @TempDir
    Path temp;
    private CliHarness cli;
    private Path notes;

    @BeforeEach
    void setUp() throws Exception {
        cli = CliHarness.in(temp);
        cli.run("init", "--non-interactive");
        notes = cli.config().indexing().memoryDirs().get(0);
        Files.createDirectories(notes.resolve("sub"));
        Files.writeString(notes.resolve("deploy.md"), "# Deploy\n\nRoll back with kubectl rollout undo.\n");
        Files.writeString(notes.resolve("sub/dns.md"), "# DNS\n\nCoreDNS forward zone typo broke resolution.\n");
    }

    @Test
    void indexesADirectoryAndPrintsOneSummaryLine() {
        Result result = cli.run("index", notes.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().strip().matches(SUMMARY), result.out());
        assertTrue(result.out().startsWith("Indexed 2 file(s): "), result.out());
        assertEquals("", result.err(), "no progress bar without a terminal");
        assertTrue(cli.run("search", "CoreDNS").out().contains("dns.md"));
    }

    @Test
    void withoutAPathIndexesTheWorkingDirectoryAsThePythonMmDoes() {
        Result result = cli.inDirectory(notes).run("index");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Indexed 2 file(s): "), result.out());
    }

    @Test
    void aRelativePathResolvesAgainstTheWorkingDirectory() {
        Result result = cli.inDirectory(notes).run("index", ".");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Indexed 2 file(s): "), result.out());
    }

    @Test
    void unchangedFilesAreSkippedUnlessForced() {
        cli.run("index", notes.toString());
        assertTrue(cli.run("index", notes.toString()).out().contains(" 0 new, "));
        assertFalse(cli.run("index", notes.toString(), "--force").out().contains(" 0 new, "));
    }

    @Test
    void noRecursiveIndexesOnlyTheTopLevel() {
        Result result = cli.run("index", notes.toString(), "--no-recursive");
        assertTrue(result.out().startsWith("Indexed 1 file(s): "), result.out());
    }

    @Test
    void jsonReportsTheCounts() throws Exception {
        Result result = cli.run("index", notes.toString(), "--json", "-n", "ops");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(2, json.get("files_scanned").asInt());
        assertTrue(json.get("errors").isArray());
        assertTrue(cli.run("search", "CoreDNS", "-n", "ops").out().contains("dns.md"));
    }

    @Test
    void aFileHoldingASecretIsBlockedAndNamedOnStderrWithoutTheSecret() throws Exception {
        Files.writeString(notes.resolve("creds.md"), "# Creds\n\nkey id AKIAIOSFODNN7EXAMPLE\n");
        Result result = cli.run("index", notes.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Indexed 3 file(s): 2 new, ") && result.out().contains(
                ", 1 file(s) blocked (redaction) ("), result.out());
        assertTrue(result.err().contains("Blocked: " + notes.toRealPath().resolve("creds.md")
                + ": blocked by the redaction gate: aws-access-key-id (line 3)"), result.err());
        assertFalse((result.out() + result.err()).contains("AKIAIOSFODNN7EXAMPLE"));
        assertFalse(cli.run("search", "creds").out().contains("creds.md"));
    }

    @Test
    void jsonListsBlockedFilesAndForceUnsafeIndexesThem() throws Exception {
        Files.writeString(notes.resolve("creds.md"), "# Creds\n\nkey id AKIAIOSFODNN7EXAMPLE\n");
        JsonNode blocked = new ObjectMapper().readTree(cli.run("index", notes.toString(), "--json").out());
        assertEquals(1, blocked.get("blocked").asInt());
        assertTrue(blocked.get("blocked_files").get(0).asText().contains("creds.md: blocked by the redaction gate"));

        Result forced = cli.run("index", notes.toString(), "--force-unsafe", "--json");
        assertEquals(0, forced.exitCode(), forced::toString);
        JsonNode json = new ObjectMapper().readTree(forced.out());
        assertEquals(0, json.get("blocked").asInt());
        assertEquals(1, json.get("indexed").asInt());
        assertTrue(cli.run("search", "Creds").out().contains("creds.md"));
    }

    @Test
    void helpDescribesForceUnsafe() {
        assertTrue(cli.run("index", "--help").out().contains("--force-unsafe"));
    }

    @Test
    void autoTagTagsTheChunksThisRunWroteAndReportsThem() throws Exception {
        Result first = cli.run("index", notes.toString(), "--auto-tag");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().endsWith("\nAuto-tagged 2 chunk(s) with 6 keyword tag(s)\n"), first.out());
        assertTrue(cli.run("search", "rollout", "--tag", "deploy").out().contains("deploy.md"), "the heading word");

        Files.writeString(notes.resolve("dns.md"), "# Resolver\n\nUnbound caches negative answers.\n");
        JsonNode json = new ObjectMapper().readTree(cli.run("index", notes.toString(), "--auto-tag", "--max-tags",
                "1", "--json").out());
        assertEquals(1, json.get("indexed").asInt());
        assertEquals(1, json.get("auto_tagged").asInt(), "only the new file's chunk");
        assertEquals(1, json.get("tags_added").asInt());
        assertFalse(new ObjectMapper().readTree(cli.run("index", notes.toString(), "--json").out())
                .has("auto_tagged"), "auto_tagged is reported only with --auto-tag");
    }

    @Test
    void maxTagsOutOfRangeOrWithoutAutoTagIsAUsageError() {
        Result high = cli.run("index", notes.toString(), "--auto-tag", "--max-tags", "11");
        assertEquals(2, high.exitCode(), high::toString);
        assertEquals("Error: --max-tags must be between 1 and 10, got 11", high.err().strip());
        Result alone = cli.run("index", notes.toString(), "--max-tags", "2");
        assertEquals(2, alone.exitCode(), alone::toString);
        assertEquals("Error: --max-tags only applies with --auto-tag", alone.err().strip());
        assertTrue(cli.run("search", "CoreDNS").out().contains("No results"), "nothing was indexed");
    }

    @Test
    void helpDescribesAutoTag() {
        String help = cli.run("index", "--help").out();
        assertTrue(help.contains("--auto-tag") && help.contains("--max-tags=N") && help.contains("TF-IDF"), help);
    }

    @Test
    void aMissingPathIsAClearRefusalWithExitTwo() {
        Result result = cli.run("index", "no/such/dir");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("Error: path does not exist: " + cli.home().resolve("no/such/dir"), result.err().strip());
    }

    @Test
    void indexingADeletedFileDropsItsChunksInsteadOfSayingItDoesNotExist() throws Exception {
        cli.run("index", notes.toString());
        Files.delete(notes.resolve("sub/dns.md"));
        Result result = cli.run("index", notes.resolve("sub/dns.md").toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("1 vanished file(s) dropped"), result.out());
        assertFalse(cli.run("search", "CoreDNS").out().contains("dns.md"));
    }

    @Test
    void indexingADirectoryDropsTheFilesDeletedFromIt() throws Exception {
        cli.run("index", notes.toString());
        Files.delete(notes.resolve("sub/dns.md"));
        Result result = cli.run("index", notes.toString(), "--json");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, new ObjectMapper().readTree(result.out()).get("sources_removed").asInt(), result.out());
        assertFalse(cli.run("search", "CoreDNS").out().contains("dns.md"));
    }

    @Test
    void anUnreadablePathIsAClearRefusalWithExitTwo() throws Exception {
        Path broken = Files.createSymbolicLink(notes.resolve("broken.md"), temp.resolve("gone.md"));
        Result result = cli.run("index", broken.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Error: ") && result.err().contains("broken.md"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void unreadableEntriesInADirectoryAreSkippedAndTheRestIsIndexed() throws Exception {
        Files.createSymbolicLink(notes.resolve("broken.md"), temp.resolve("gone.md"));
        Files.createDirectory(notes.resolve("folder.md"));
        Result result = cli.run("index", notes.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Indexed 2 file(s): "), result.out());
    }

    @Test
    void aBinaryFileIsSkippedNotFatal() throws Exception {
        Files.write(notes.resolve("blob.md"), new byte[] {'#', ' ', 'x', 0, 1, 2, (byte) 0xff});
        Result result = cli.run("index", notes.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("1 file(s) skipped"), result.out());
    }
}
