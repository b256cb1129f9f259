package io.memtomem.core.index;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.store.StoredChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing stamps every chunk with its file's scope and project (memory-core.md §4.2 step 10) and with the validity
 * dates of its frontmatter (§1.3).
 */
class SourceStampTest {
    private static final String LONG = "Body text long enough to stay a chunk of its own after the merge. "
            .repeat(12);
    private static final String NOTE = "## Note\n\nA note long enough to stay a chunk of its own after merging.\n";

    @TempDir
    Path home;

    private MemtomemConfig withProjectDirs(Path... dirs) {
        return TestStores.notesBuilder(home).projectMemoryDirs(dirs).build();
    }

    private static List<StoredChunk> chunksOf(Memtomem memtomem, Path file) {
        return memtomem.recall(new RecallRequest(null, null, "*", file.toString(), null, 50)).chunks();
    }

    private static StoredChunk only(Memtomem memtomem, Path file) {
        List<StoredChunk> chunks = chunksOf(memtomem, file);
        assertEquals(1, chunks.size(), chunks::toString);
        return chunks.get(0);
    }

    @Test
    void filesInProjectMemoryDirsCarryTheirTierAndProjectWhileMemoryDirFilesStayUser() throws IOException {
        Path project = home.resolve("app");
        Path user = write(home.resolve("notes/u.md"), NOTE);
        Path shared = write(project.resolve(".memtomem/memories/s.md"), NOTE);
        Path local = write(project.resolve(".memtomem/memories.local/sub/l.md"), NOTE);
        MemtomemConfig config = withProjectDirs(project.resolve(".memtomem/memories"),
                project.resolve(".memtomem/memories.local"));
        try (Memtomem memtomem = Memtomem.open(config)) {
            for (Path root : config.indexing().indexRoots()) {
                memtomem.index(new IndexRequest(root, true, false, null), null);
            }
            String projectRoot = project.toRealPath().toString();
            assertEquals("user", only(memtomem, user).scope());
            assertNull(only(memtomem, user).projectRoot());
            assertEquals("project_shared", only(memtomem, shared).scope());
            assertEquals(projectRoot, only(memtomem, shared).projectRoot());
            assertEquals("project_local", only(memtomem, local).scope());
            assertEquals(projectRoot, only(memtomem, local).projectRoot());
        }
    }

    @Test
    void registeringAnIndexedDirAsAProjectDirRestampsItsUnchangedFilesKeepingTheirIds() throws IOException {
        Path dir = home.resolve("team/memories.local");
        Path file = write(dir.resolve("t.md"), NOTE);
        String before;
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.index(new IndexRequest(dir, true, false, null), null);
            assertEquals("user", only(memtomem, file).scope());
            before = only(memtomem, file).id();
        }
        try (Memtomem memtomem = Memtomem.open(withProjectDirs(dir))) {
            IndexResult again = memtomem.index(new IndexRequest(dir, true, false, null), null);
            assertEquals(1, again.indexed(), "the rows are rewritten although the file is unchanged");
            StoredChunk after = only(memtomem, file);
            assertEquals("project_local", after.scope());
            assertEquals(home.resolve("team").toRealPath().toString(), after.projectRoot());
            assertEquals(before, after.id());
        }
    }

    @Test
    void frontmatterDatesAreStoredOnEveryChunkAndAChangedDateRewritesUnchangedChunksUnderTheirIds()
            throws IOException {
        String sections = "## First\n\n" + LONG + "\n\n## Second\n\n" + LONG + "\n";
        Path file = write(home.resolve("notes/plan.md"), "---\nvalid_from: 2026-Q1\nvalid_to: 2026-03-15\n---\n"
                + sections);
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.index(new IndexRequest(file, false, false, null), null);
            List<StoredChunk> dated = chunksOf(memtomem, file);
            assertEquals(2, dated.size());
            for (StoredChunk chunk : dated) {
                assertEquals(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(), chunk.validFromUnix());
                assertEquals(Instant.parse("2026-03-15T23:59:59Z").getEpochSecond(), chunk.validToUnix());
            }

            write(file, "---\nvalid_from: 2026-Q1\nvalid_to: later\n---\n" + sections);
            memtomem.index(new IndexRequest(file, false, false, null), null);
            StoredChunk second = second(chunksOf(memtomem, file));
            assertEquals(second(dated).id(), second.id(), "the second section's text did not change");
            assertEquals(second(dated).validFromUnix(), second.validFromUnix());
            assertNull(second.validToUnix(), "a malformed date leaves the bound open");
        }
    }

    @Test
    void theWatcherCoversProjectMemoryDirsAndStampsTheirScope() throws Exception {
        Path local = Files.createDirectories(home.resolve("app/.memtomem/memories.local"));
        try (Memtomem memtomem = Memtomem.open(withProjectDirs(local))) {
            memtomem.startWatcher();
            Path file = write(local.resolve("watched.md"), NOTE);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (chunksOf(memtomem, file).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the watcher never indexed " + file);
                Thread.sleep(100);
            }
            assertEquals("project_local", only(memtomem, file).scope());
        }
    }

    private static StoredChunk second(List<StoredChunk> chunks) {
        return chunks.stream().filter(chunk -> chunk.hierarchy().equals(List.of("## Second"))).findFirst()
                .orElseThrow();
    }
}
