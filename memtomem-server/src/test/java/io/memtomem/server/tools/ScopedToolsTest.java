package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project-tier and temporal parameters of mem_search, mem_recall and mem_add, on a server started in a project. */
class ScopedToolsTest {
    @TempDir
    Path home;
    Path project;
    ToolHarness tools;

    @BeforeEach
    void open() throws IOException {
        project = home.resolve("app");
        Path cwd = Files.createDirectories(project.resolve("src"));
        tools = new ToolHarness(home, Map.of("MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "[\""
                + project.resolve(".memtomem/memories") + "\", \"" + project.resolve(".memtomem/memories.local")
                + "\"]"), cwd);
        tools.ok("mem_add", Map.of("title", "Mine", "content", "Release checklist kept for myself."));
        tools.writeNote(project.resolve(".memtomem/memories"), "team.md",
                "## Team\n\nRelease checklist the whole team follows.\n");
        tools.writeNote(project.resolve(".memtomem/memories.local"), "local.md",
                "## Local\n\nRelease checklist shortcuts on this machine.\n");
        tools.ok("mem_index", Map.of());
    }

    @AfterEach
    void close() {
        tools.close();
    }

    private List<String> searchTitles(Map<String, Object> arguments) {
        JsonNode hits = ToolHarness.json(tools.ok("mem_search", arguments)).get("results");
        List<String> titles = new ArrayList<>();
        hits.forEach(hit -> titles.add(hit.get("hierarchy").asText()));
        return titles;
    }

    @Test
    void memSearchScopeKeepsOnlyTheNamedTiers() {
        assertEquals(3, searchTitles(Map.of("query", "release checklist", "output_format", "structured")).size());
        assertEquals(List.of("## Team"), searchTitles(Map.of("query", "release checklist", "scope", "project_shared",
                "output_format", "structured")));
        List<String> project = searchTitles(Map.of("query", "release checklist",
                "scope", "project_local,project_shared", "output_format", "structured"));
        assertEquals(List.of("## Local", "## Team"), project.stream().sorted().toList());
    }

    @Test
    void memSearchRejectsAnUnknownScopeNamingTheParameterAndTheValidValues() {
        assertEquals("Error: scope must be one of user, project_shared, project_local, got 'team'",
                tools.error("mem_search", Map.of("query", "release", "scope", "team")));
    }

    @Test
    void memRecallScopeKeepsOnlyTheNamedTiersAndRejectsUnknownOnes() {
        JsonNode results = ToolHarness.json(tools.ok("mem_recall", Map.of("scope", "project_local",
                "output_format", "structured"))).get("results");
        assertEquals(1, results.size());
        assertEquals("## Local", results.get(0).get("hierarchy").asText());
        assertTrue(tools.error("mem_recall", Map.of("scope", "users")).startsWith("Error: scope must be one of "
                + "user, project_shared, project_local"));
    }

    @Test
    void memSearchLeavesOutExpiredNotesUnlessAsOfLooksBack() {
        tools.writeNote(tools.memoryDir(), "old.md", "---\nvalid_to: 2020-Q4\n---\n## Old\n\nRelease freeze rules.\n");
        tools.ok("mem_index", Map.of());
        assertEquals(List.of(), searchTitles(Map.of("query", "freeze", "output_format", "structured")));
        assertEquals(List.of("## Old"), searchTitles(Map.of("query", "freeze", "as_of", "2020-11-05",
                "output_format", "structured")));
    }

    @Test
    void memSearchRejectsABadAsOfNamingIt() {
        assertEquals("Error: as_of must be YYYY-MM-DD or YYYY-QN (e.g. 2026-03-30 or 2026-Q1), got 'yesterday'",
                tools.error("mem_search", Map.of("query", "release", "as_of", "yesterday")));
    }

    @Test
    void memAddProjectLocalWritesToTheProjectOfTheServersWorkingDirectory() throws IOException {
        String text = tools.ok("mem_add", Map.of("content", "Port 5433 is the local Postgres.", "scope",
                "project_local"));
        Path file = project.toRealPath().resolve(".memtomem/memories.local")
                .resolve(LocalDate.now(ZoneOffset.UTC) + ".md");
        assertTrue(text.startsWith("Memory added to " + file + "\n"), text);
        assertTrue(Files.readString(file).contains("Port 5433 is the local Postgres."));
        JsonNode hit = ToolHarness.json(tools.ok("mem_search", Map.of("query", "5433", "scope", "project_local",
                "output_format", "structured"))).get("results").get(0);
        assertEquals(file.toString(), hit.get("source").asText());
    }

    @Test
    void memAddProjectSharedNeedsConfirmProjectShared() {
        assertTrue(tools.error("mem_add", Map.of("content", "Deploys need two approvals.", "scope", "project_shared"))
                .startsWith("Error: scope=project_shared writes to "), "names the dir and why");
        String text = tools.ok("mem_add", Map.of("content", "Deploys need two approvals.", "scope", "project_shared",
                "confirm_project_shared", true, "file", "rules.md"));
        assertTrue(text.contains("/app/.memtomem/memories/rules.md\n"), text);
    }

    @Test
    void memAddRejectsAnUnknownScopeAndABadConfirmType() {
        assertEquals("Error: scope must be one of user, project_local, project_shared (got \"team\").",
                tools.error("mem_add", Map.of("content", "x", "scope", "team")));
        assertTrue(tools.error("mem_add", Map.of("content", "x", "scope", "project_shared",
                "confirm_project_shared", "yes")).contains("confirm_project_shared"));
    }

    @Test
    void memAddProjectScopeWithoutAProjectDirNamesTheConfigKey() {
        try (ToolHarness outside = new ToolHarness(home.resolve("other"), Map.of())) {
            String error = outside.error("mem_add", Map.of("content", "x", "scope", "project_local"));
            assertTrue(error.contains("indexing.project_memory_dirs") && error.contains("there is none"), error);
        }
    }

    @Test
    void memIndexAcceptsAPathInsideAProjectMemoryDirAndMemStatusListsTheProjectDirs() {
        Path dir = project.resolve(".memtomem/memories.local");
        tools.writeNote(dir, "more.md", "## More\n\nAnother local note.\n");
        assertTrue(tools.ok("mem_index", Map.of("path", dir.resolve("more.md").toString()))
                .contains("- Files scanned: 1"));
        assertTrue(tools.error("mem_index", Map.of("path", project.resolve("src").toString()))
                .startsWith("Error: path is outside configured memory directories"));
        String status = tools.ok("mem_status", Map.of());
        assertTrue(status.contains("Project memory dirs\n-------------------\n  " + project.resolve(".memtomem/memories")
                + "\n  " + dir + "\n"), status);
    }
}
