package io.memtomem.server.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IndexToolTest extends ToolsOnTempStore {

    @Test
    void indexesADirectoryInsideAMemoryDirAndReportsTheCounts() {
        Path notes = tools.memoryDir().resolve("notes");
        for (int i = 0; i < 3; i++) {
            tools.writeNote(notes, "note" + i + ".md", "## Note " + i + "\nBody of note number " + i + ".\n");
        }
        String text = tools.ok("mem_index", Map.of("path", notes.toString()));
        assertTrue(text.startsWith("Indexing complete:\n- Files scanned: 3\n- Total chunks: 3\n- Indexed: 3\n"
                + "- Skipped (unchanged): 0\n- Deleted (stale): 0\n- Blocked (redaction): 0\n- Duration: "), text);
        String again = tools.ok("mem_index", Map.of("path", notes.toString()));
        assertTrue(again.contains("- Indexed: 0\n- Skipped (unchanged): 3"), again);
    }

    @Test
    void withoutAPathIndexesEveryMemoryDirAndNotTheWorkingDirectory() {
        tools.close();
        Path first = home.resolve("first");
        Path second = home.resolve("second");
        tools = new ToolHarness(home, Map.of("MEMTOMEM_INDEXING__MEMORY_DIRS",
                "[\"" + json(first) + "\",\"" + json(second) + "\",\"" + json(home.resolve("not-created")) + "\"]"));
        tools.writeNote(first, "a.md", "## A\nIn the first memory dir.\n");
        tools.writeNote(first.resolve("sub"), "b.md", "## B\nNested in the first memory dir.\n");
        tools.writeNote(second, "c.md", "## C\nIn the second memory dir.\n");
        tools.writeNote(home, "cwd.md", "## Cwd\nIn the working directory, not a memory dir.\n");
        List<long[]> reports = new ArrayList<>();

        String text = tools.call("mem_index", Map.of(), (done, total, message) -> reports.add(new long[] {done, total}))
                .text();

        assertTrue(text.contains("- Files scanned: 3\n"), text);
        long[] last = reports.get(reports.size() - 1);
        assertEquals(List.of(3L, 3L), List.of(last[0], last[1]));
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i)[0] > reports.get(i - 1)[0], "progress must grow across memory dirs");
        }
    }

    @Test
    void withOrWithoutAPathFilesDeletedFromAMemoryDirLoseTheirChunks() throws IOException {
        Path notes = tools.memoryDir().resolve("notes");
        Path first = tools.writeNote(notes, "first.md", "## First\nSoon deleted.\n");
        Path second = tools.writeNote(notes, "second.md", "## Second\nAlso soon deleted.\n");
        tools.writeNote(notes, "kept.md", "## Kept\nStays.\n");
        tools.ok("mem_index", Map.of());
        Files.delete(first);
        Files.delete(second);

        String byPath = tools.ok("mem_index", Map.of("path", first.toString()));
        String all = tools.ok("mem_index", Map.of());

        assertTrue(byPath.contains("- Removed (vanished files): 1"), byPath);
        assertTrue(all.contains("- Removed (vanished files): 1"), all);
        assertTrue(all.contains("- Deleted (stale): 1"), all);
    }

    @Test
    void aPathOutsideTheMemoryDirsIsRefusedWithTheFix() {
        Path outside = home.resolve("notes");
        tools.writeNote(outside, "a.md", "## A\nNot a memory.\n");
        assertEquals("Error: path is outside configured memory directories: " + outside + ". Add it to "
                        + "indexing.memory_dirs (MEMTOMEM_INDEXING__MEMORY_DIRS) or index it from a terminal with "
                        + "mm index " + outside + ".",
                tools.error("mem_index", Map.of("path", outside.toString())));
        assertNothingIndexed();
    }

    @Test
    void aPathThatTraversesOutOfAMemoryDirIsRefused() {
        tools.writeNote(home.resolve("outside"), "secret.md", "## Secret\nNot a memory.\n");
        tools.writeNote(tools.memoryDir(), "m.md", "## M\nA memory.\n");
        String traversal = tools.memoryDir() + "/../../outside";
        assertTrue(tools.error("mem_index", Map.of("path", traversal))
                .startsWith("Error: path is outside configured memory directories: "));
        assertNothingIndexed();
    }

    @Test
    void aSymlinkInsideAMemoryDirThatLeadsOutsideIsRefused() throws IOException {
        Path outside = home.resolve("outside");
        Path secret = tools.writeNote(outside, "secret.md", "## Secret\nNot a memory.\n");
        Files.createDirectories(tools.memoryDir());
        Path dirLink = tools.memoryDir().resolve("linked-dir");
        Path fileLink = tools.memoryDir().resolve("linked.md");
        assumeTrue(symlink(dirLink, outside) && symlink(fileLink, secret), "symbolic links are not available");
        for (Path link : List.of(dirLink, fileLink)) {
            assertTrue(tools.error("mem_index", Map.of("path", link.toString()))
                    .startsWith("Error: path is outside configured memory directories: " + link + ". "));
        }
        assertNothingIndexed();
    }

    @Test
    void aMemoryDirConfiguredThroughASymlinkContainsItsRealFiles() throws IOException {
        tools.close();
        Path real = Files.createDirectories(home.resolve("real-memories"));
        Path link = home.resolve("memories-link");
        assumeTrue(symlink(link, real), "symbolic links are not available");
        tools = new ToolHarness(home, Map.of("MEMTOMEM_INDEXING__MEMORY_DIRS", "[\"" + json(link) + "\"]"));
        tools.writeNote(real, "a.md", "## A\nReached through the link.\n");
        assertTrue(tools.ok("mem_index", Map.of("path", real.resolve("a.md").toString()))
                .contains("- Files scanned: 1\n"));
        assertTrue(tools.ok("mem_index", Map.of("path", link.toString())).contains("- Files scanned: 1\n"));
    }

    @Test
    void aFileDeletedFromAMemoryDirLosesItsChunks() throws IOException {
        Path note = tools.writeNote(tools.memoryDir(), "gone.md", "## Gone\nSoon deleted.\n");
        tools.ok("mem_index", Map.of("path", note.toString()));
        Files.delete(note);
        assertTrue(tools.ok("mem_index", Map.of("path", note.toString())).contains("- Deleted (stale): 1"));
    }

    @Test
    void reportsProgressPerFileEndingAtTheTotal() {
        Path notes = tools.memoryDir().resolve("notes");
        for (int i = 0; i < 5; i++) {
            tools.writeNote(notes, "n" + i + ".md", "## N" + i + "\nText " + i + ".\n");
        }
        List<long[]> reports = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        tools.call("mem_index", Map.of("path", notes.toString()), (done, total, message) -> {
            reports.add(new long[] {done, total});
            messages.add(message);
        });
        assertFalse(reports.isEmpty());
        long[] last = reports.get(reports.size() - 1);
        assertEquals(5, last[0]);
        assertEquals(5, last[1]);
        assertTrue(messages.get(messages.size() - 1).startsWith("Indexed 5/5 files"), messages.toString());
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() {
        tools.writeNote(tools.memoryDir().resolve("rel"), "a.md", "## A\nRelative path note.\n");
        Path relative = home.relativize(tools.memoryDir().resolve("rel"));
        assertTrue(tools.ok("mem_index", Map.of("path", relative.toString())).contains("- Files scanned: 1"));
    }

    @Test
    void anEmptyDirectoryHasNothingToIndex() {
        Path empty = tools.memoryDir().resolve("empty");
        tools.writeNote(empty, "skip.bin", "\0\0");
        assertEquals("Indexing complete: no indexable files found",
                tools.ok("mem_index", Map.of("path", empty.toString())));
    }

    @Test
    void skipsAFileHoldingASecretAndReportsItAsBlockedWithoutTheSecret() throws IOException {
        Path notes = tools.memoryDir().resolve("notes");
        tools.writeNote(notes, "clean.md", "## Clean\nNothing secret here.\n");
        Path leaky = tools.writeNote(notes, "leaky.md", "## Deploy\nkey id AKIAIOSFODNN7EXAMPLE\n");
        String text = tools.ok("mem_index", Map.of("path", notes.toString()));
        assertTrue(text.contains("- Indexed: 1\n"), text);
        assertTrue(text.contains("- Blocked (redaction): 1\n"), text);
        assertTrue(text.contains("- Blocked files:\n  - " + leaky.toRealPath() + ": blocked by the redaction gate: "
                + "aws-access-key-id (line 2)"), text);
        assertFalse(text.contains("AKIAIOSFODNN7EXAMPLE"), text);
        assertTrue(tools.ok("mem_stats", Map.of()).contains("- Total sources: 1"));
    }

    @Test
    void hasNoRedactionBypass() {
        assertTrue(tools.error("mem_index", Map.of("force_unsafe", true)).contains("force_unsafe"));
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(tools.error("mem_index", Map.of("recursive", "yes")).contains("recursive must be true or false"));
        assertTrue(tools.error("mem_index", Map.of("path", 5)).contains("path must be a string"));
        assertTrue(tools.error("mem_index", Map.of("path", tools.memoryDir().resolve("missing").toString()))
                .startsWith("Error: path does not exist: "));
        assertTrue(tools.error("mem_index", Map.of("path", "nul\0byte"))
                .startsWith("Error: path is not a valid path "));
    }

    private void assertNothingIndexed() {
        String stats = tools.ok("mem_stats", Map.of());
        assertTrue(stats.contains("- Total sources: 0"), stats);
    }

    private static boolean symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
