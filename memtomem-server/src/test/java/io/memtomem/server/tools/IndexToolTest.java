package io.memtomem.server.tools;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexToolTest {
    @TempDir
    Path home;
    ToolHarness tools;

    @BeforeEach
    void open() {
        tools = new ToolHarness(home);
    }

    @AfterEach
    void close() {
        tools.close();
    }

    @Test
    void indexesADirectoryAndReportsTheCounts() {
        Path notes = home.resolve("notes");
        for (int i = 0; i < 3; i++) {
            tools.writeNote(notes, "note" + i + ".md", "## Note " + i + "\nBody of note number " + i + ".\n");
        }
        String text = tools.ok("mem_index", Map.of("path", notes.toString()));
        assertTrue(text.startsWith("Indexing complete:\n- Files scanned: 3\n- Total chunks: 3\n- Indexed: 3\n"
                + "- Skipped (unchanged): 0\n- Deleted (stale): 0\n- Duration: "), text);
        String again = tools.ok("mem_index", Map.of("path", notes.toString()));
        assertTrue(again.contains("- Indexed: 0\n- Skipped (unchanged): 3"), again);
    }

    @Test
    void reportsProgressPerFileEndingAtTheTotal() {
        Path notes = home.resolve("notes");
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
        tools.writeNote(home.resolve("rel"), "a.md", "## A\nRelative path note.\n");
        assertTrue(tools.ok("mem_index", Map.of("path", "rel")).contains("- Files scanned: 1"));
    }

    @Test
    void anEmptyDirectoryHasNothingToIndex() {
        tools.writeNote(home.resolve("empty"), "skip.bin", "\0\0");
        assertEquals("Indexing complete: no indexable files found",
                tools.ok("mem_index", Map.of("path", home.resolve("empty").toString())));
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(tools.error("mem_index", Map.of("recursive", "yes")).contains("recursive must be true or false"));
        assertTrue(tools.error("mem_index", Map.of("path", 5)).contains("path must be a string"));
        assertTrue(tools.error("mem_index", Map.of("path", home.resolve("missing").toString()))
                .startsWith("Error: "));
    }
}
