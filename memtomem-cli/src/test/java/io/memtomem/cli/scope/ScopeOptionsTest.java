package io.memtomem.cli.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mm search --scope/--as-of}, {@code mm recall --scope} and {@code mm add --scope} in a project with both
 * project tiers, run from a directory inside it.
 */
class ScopeOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliHarness cli;
    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        cli = CliHarness.in(temp);
        project = cli.home().resolve("app");
        Path shared = project.resolve(".memtomem/memories");
        Path local = project.resolve(".memtomem/memories.local");
        cli.withEnv("MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "[\"" + shared + "\", \"" + local + "\"]")
                .inDirectory(Files.createDirectories(project.resolve("src")));
        cli.run("init", "--non-interactive");
        cli.run("add", "Release checklist kept for myself", "--title", "Mine");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("team.md"), "## Team\n\nRelease checklist the whole team follows.\n");
        Files.createDirectories(local);
        Files.writeString(local.resolve("local.md"), "---\nvalid_to: 2021-Q2\n---\n## Local\n\nRelease checklist"
                + " shortcuts of 2021.\n");
        assertEquals(0, cli.run("index", project.resolve(".memtomem").toString()).exitCode());
    }

    private static List<String> hierarchies(Result result, String listKey) throws IOException {
        assertEquals(0, result.exitCode(), result::toString);
        List<String> titles = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(result.out()).get(listKey)) {
            titles.add(hit.get("hierarchy").get(0).asText());
        }
        return titles.stream().sorted().toList();
    }

    @Test
    void searchScopeKeepsOnlyTheNamedTiers() throws IOException {
        assertEquals(List.of("## Mine", "## Team"), hierarchies(cli.run("search", "release checklist", "--json"),
                "results"));
        assertEquals(List.of("## Team"), hierarchies(cli.run("search", "release checklist", "--scope",
                "project_shared", "--json"), "results"));
        assertEquals(List.of("## Mine"), hierarchies(cli.run("search", "release checklist", "--scope", "user",
                "--json"), "results"));
    }

    @Test
    void searchAsOfBringsBackWhatWasValidThen() throws IOException {
        assertEquals(List.of("## Local"), hierarchies(cli.run("search", "release checklist", "--scope",
                "project_local", "--as-of", "2021-04-30", "--json"), "results"));
        assertEquals(List.of(), hierarchies(cli.run("search", "release checklist", "--scope", "project_local",
                "--json"), "results"));
    }

    @Test
    void recallScopeKeepsOnlyTheNamedTiers() throws IOException {
        assertEquals(List.of("## Local", "## Team"), hierarchies(cli.run("recall", "--scope",
                "project_local,project_shared", "--json"), "chunks"));
    }

    @Test
    void badScopeAndAsOfValuesAreOneLineErrorsNamingThem() {
        Result scope = cli.run("search", "release", "--scope", "team");
        assertEquals(2, scope.exitCode(), scope::toString);
        assertTrue(scope.err().contains("scope must be one of user, project_shared, project_local, got 'team'"),
                scope.err());
        Result recall = cli.run("recall", "--scope", "everyone");
        assertEquals(2, recall.exitCode(), recall::toString);
        assertTrue(recall.err().contains("scope must be one of"), recall.err());
        Result asOf = cli.run("search", "release", "--as-of", "2021-04");
        assertEquals(2, asOf.exitCode(), asOf::toString);
        assertTrue(asOf.err().contains("as_of must be YYYY-MM-DD or YYYY-QN"), asOf.err());
    }

    @Test
    void helpDocumentsTheNewOptions() {
        String search = cli.run("search", "--help").out();
        assertTrue(search.contains("--scope=SCOPES") && search.contains("--as-of=DATE"), search);
        assertTrue(cli.run("recall", "--help").out().contains("--scope=SCOPES"));
    }

    @Test
    void addScopeProjectLocalWritesToTheProjectOfTheCurrentDirectory() throws IOException {
        Result result = cli.run("add", "Port 5433 is the local Postgres", "--scope", "project_local", "--file",
                "db.md", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        Path file = project.toRealPath().resolve(".memtomem/memories.local/db.md");
        assertEquals(file.toString(), JSON.readTree(result.out()).get("file").asText());
        assertEquals(2, hierarchies(cli.run("recall", "--scope", "project_local", "--json"), "chunks").size(),
                "the new entry joins the existing local note");
        assertTrue(Files.readString(file).contains("Port 5433"));
    }

    @Test
    void addScopeProjectSharedNeedsTheConfirmFlag() throws IOException {
        Result refused = cli.run("add", "Deploys need two approvals", "--scope", "project_shared");
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("shared with everyone through git"), refused.err());
        Result written = cli.run("add", "Deploys need two approvals", "--scope", "project_shared",
                "--confirm-project-shared", "--file", "rules.md");
        assertEquals(0, written.exitCode(), written::toString);
        assertTrue(Files.readString(project.resolve(".memtomem/memories/rules.md")).contains("two approvals"));
    }

    @Test
    void addProjectScopeOutsideAnyProjectNamesTheConfigKey() {
        Result result = cli.inDirectory(cli.home()).run("add", "x", "--scope", "project_local");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("indexing.project_memory_dirs"), result.err());
        assertTrue(cli.run("add", "--help").out().contains("--confirm-project-shared"));
    }

    @Test
    void statusJsonListsTheProjectMemoryDirs() throws IOException {
        Result result = cli.run("status", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        List<String> paths = new ArrayList<>();
        JSON.readTree(result.out()).get("project_memory_dirs").forEach(dir -> paths.add(dir.get("path").asText()));
        assertEquals(List.of(project.resolve(".memtomem/memories").toString(),
                project.resolve(".memtomem/memories.local").toString()), paths);
    }
}
