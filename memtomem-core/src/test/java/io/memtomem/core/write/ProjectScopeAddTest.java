package io.memtomem.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.PathOutsideMemoryDirsException;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.store.StoredChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mem_add with {@code scope=project_local|project_shared} (memory-core.md §7.3). */
class ProjectScopeAddTest {
    private static final AddOptions CONFIRMED = new AddOptions(false, false, null, true);

    @TempDir
    Path home;

    private static AddRequest entry(String scope, String file) {
        return new AddRequest("Use the staging cluster for load tests.", "Staging", List.of(), null, file, null,
                scope);
    }

    private Memtomem openIn(Path cwd, Path... projectDirs) throws IOException {
        Files.createDirectories(cwd);
        String json = List.of(projectDirs).stream().map(dir -> "\"" + dir.toString().replace("\\", "\\\\") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        MemtomemConfig config = MemtomemConfig.load(new Environment(home,
                Map.of("MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", json), cwd));
        return Memtomem.open(config, WriterFixtures.CLOCK);
    }

    private static StoredChunk onlyChunkOf(Memtomem memtomem, Path file) {
        List<StoredChunk> chunks = memtomem.recall(new RecallRequest(null, null, "*", file.toString(), null, 10))
                .chunks();
        assertEquals(1, chunks.size(), chunks::toString);
        return chunks.get(0);
    }

    @Test
    void projectLocalWritesTheDayFileOfTheProjectContainingTheWorkingDirectory() throws IOException {
        Path project = home.resolve("app");
        Path local = project.resolve(".memtomem/memories.local");
        try (Memtomem memtomem = openIn(project.resolve("src/main"), project.resolve(".memtomem/memories"), local)) {
            AddResult result = memtomem.add(entry("project_local", null));
            Path expected = project.toRealPath().resolve(".memtomem/memories.local/2026-03-30.md");
            assertEquals(expected, result.file());
            assertTrue(Files.readString(expected).contains("## Staging"));
            StoredChunk chunk = onlyChunkOf(memtomem, expected);
            assertEquals("project_local", chunk.scope());
            assertEquals(project.toRealPath().toString(), chunk.projectRoot());
        }
    }

    @Test
    void projectSharedNeedsTheConfirmationAndThenWritesRelativeFilesInTheSharedDir() throws IOException {
        Path project = home.resolve("app");
        Path shared = project.resolve(".memtomem/memories");
        try (Memtomem memtomem = openIn(project, shared)) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(entry("project_shared", "ops.md")));
            assertEquals("confirm_project_shared", refused.parameter());
            assertTrue(refused.getMessage().contains("shared with everyone through git"), refused.getMessage());
            assertFalse(Files.exists(shared.resolve("ops.md")));

            AddResult result = memtomem.add(entry("project_shared", "ops.md"), CONFIRMED);
            assertEquals(project.toRealPath().resolve(".memtomem/memories/ops.md"), result.file());
            assertEquals("project_shared", onlyChunkOf(memtomem, result.file()).scope());
        }
    }

    @Test
    void aProjectWriteStaysInsideItsProjectDir() throws IOException {
        Path project = home.resolve("app");
        try (Memtomem memtomem = openIn(project, project.resolve(".memtomem/memories.local"))) {
            Path userDir = Files.createDirectories(home.resolve(".memtomem/memories"));
            assertThrows(PathOutsideMemoryDirsException.class,
                    () -> memtomem.add(entry("project_local", userDir.resolve("x.md").toString())));
        }
    }

    @Test
    void aUserTierWriteMayNameAFileInAProjectDirWhichKeepsThatDirsScope() throws IOException {
        Path local = Files.createDirectories(home.resolve("app/.memtomem/memories.local"));
        try (Memtomem memtomem = openIn(home, local)) {
            AddResult result = memtomem.add(entry(null, local.resolve("direct.md").toString()));
            assertEquals("project_local", onlyChunkOf(memtomem, result.file()).scope());
        }
    }

    @Test
    void withoutAProjectDirForTheWorkingDirectoryTheErrorNamesTheConfigKey() throws IOException {
        Path project = home.resolve("app");
        try (Memtomem memtomem = openIn(home.resolve("elsewhere"), project.resolve(".memtomem/memories.local"))) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(entry("project_local", null)));
            assertEquals("scope", error.parameter());
            assertTrue(error.getMessage().contains("indexing.project_memory_dirs"), error.getMessage());
            assertTrue(error.getMessage().contains("there is none"), error.getMessage());
        }
        try (Memtomem memtomem = openIn(project, project.resolve(".memtomem/memories.local"))) {
            // the project has a local dir but no shared one
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(entry("project_shared", null), CONFIRMED));
            assertTrue(error.getMessage().startsWith("scope=project_shared needs a dir in "
                    + "indexing.project_memory_dirs not named memories.local"), error.getMessage());
        }
    }

    @Test
    void twoProjectsContainingTheWorkingDirectoryAreAmbiguous() throws IOException {
        Path outer = home.resolve("mono");
        Path inner = outer.resolve("services/api");
        try (Memtomem memtomem = openIn(inner.resolve("src"), outer.resolve(".memtomem/memories.local"),
                inner.resolve(".memtomem/memories.local"))) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(entry("project_local", null)));
            assertEquals("scope", error.parameter());
            assertTrue(error.getMessage().startsWith("scope=project_local is ambiguous: 2 project_local memory dirs in"
                    + " indexing.project_memory_dirs"), error.getMessage());
        }
    }

    @Test
    void anUnknownScopeNamesTheParameterAndTheUserTierIsTheDefault() throws IOException {
        try (Memtomem memtomem = openIn(home)) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(entry("team", null)));
            assertEquals("scope must be one of user, project_shared, project_local, got 'team'", error.getMessage());
            AddResult user = memtomem.add(entry("", null));
            assertEquals(home.toRealPath().resolve(".memtomem/memories/2026-03-30.md"), user.file());
            assertEquals("user", onlyChunkOf(memtomem, user.file()).scope());
        }
    }
}
