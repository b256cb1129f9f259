package io.memtomem.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.memtomem.it.TextAssertions.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scenario 7: four MCP servers and two {@code mm add} loops write 100 entries each into one store at the same time.
 * Every entry must land exactly once and intact in the markdown and in the index, the database must stay intact, and
 * no client may ever see SQLite's "database is locked".
 */
class SoakIT {
    private static final int SERVERS = 4;
    private static final int CLI_LOOPS = 2;
    private static final int ADDS_PER_WRITER = 100;
    private static final String WORD = "soakentry";
    private static final Pattern MARKER = Pattern.compile(WORD + " ([sc]\\dn\\d{3})");
    /** One whole entry block (memory-core.md §1.2) as it follows a "\n## " separator: interleaved writes break it. */
    private static final Pattern ENTRY = Pattern.compile("Entry \\S+ [0-9a-f]{32}\n\n> created: \\S+\n"
            + "> tags: \\[\"soak\"]\n\n" + WORD + " ([sc]\\d)n\\d{3} was written by writer \\1\n*");

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void fourServersAndTwoCliLoopsAddSixHundredEntriesExactlyOnce() throws Exception {
        List<McpServerConnection> servers = new ArrayList<>();
        for (int s = 1; s <= SERVERS; s++) {
            servers.add(McpServerConnection.start(sandbox));
        }
        long started = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(SERVERS + CLI_LOOPS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 1; s <= SERVERS; s++) {
                McpServerConnection server = servers.get(s - 1);
                String writer = "s" + s;
                done.add(writers.submit(() -> addThroughServer(server, writer)));
            }
            for (int c = 1; c <= CLI_LOOPS; c++) {
                String writer = "c" + c;
                done.add(writers.submit(() -> addThroughCli(writer)));
            }
            for (Future<?> writer : done) {
                writer.get(10, TimeUnit.MINUTES); // rethrows the first assertion a writer hit
            }
        } finally {
            writers.shutdownNow();
            servers.forEach(McpServerConnection::close);
        }
        Set<String> expected = expectedMarkers();
        System.err.printf("[it] soak: %d adds in %.1f s%n", expected.size(), (System.nanoTime() - started) / 1e9);

        String markdown = MarkdownFiles.text(sandbox.memoriesDir());
        List<String> broken = Arrays.stream(markdown.split("\n## ")).skip(1)
                .filter(block -> !ENTRY.matcher(block).matches()).toList();
        assertEquals(List.of(), broken, "entry blocks not intact in the markdown");
        assertEquals(expected, exactlyOnce(markdown), "entries in the markdown");
        try (StoreDb db = StoreDb.open(sandbox.dbPath())) {
            assertEquals("ok", db.integrityCheck());
            assertEquals(expected.size(), db.count("SELECT count(*) FROM chunks"), "chunks in the index");
            assertEquals(expected, exactlyOnce(String.join("\n", db.strings("SELECT content FROM chunks"))),
                    "entries in the chunks table");
            assertEquals(expected.size(), db.count("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH '"
                    + WORD + "'"), "entries in the full-text index");
        }
    }

    private static void addThroughServer(McpServerConnection server, String writer) {
        for (int i = 0; i < ADDS_PER_WRITER; i++) {
            String reply = server.callOk("mem_add", Map.of("content", entry(writer, i), "tags", List.of("soak")));
            assertNotContains(reply.toLowerCase(), "database is locked");
        }
    }

    private void addThroughCli(String writer) {
        for (int i = 0; i < ADDS_PER_WRITER; i++) {
            Mm.Result result = Mm.run(sandbox, "add", entry(writer, i), "--tags", "soak").assertOk();
            assertNotContains((result.stdout() + result.stderr()).toLowerCase(), "database is locked");
        }
    }

    private static String entry(String writer, int i) {
        return String.format("%s %sn%03d was written by writer %s", WORD, writer, i, writer);
    }

    private static Set<String> expectedMarkers() {
        Set<String> markers = new TreeSet<>();
        for (int i = 0; i < ADDS_PER_WRITER; i++) {
            for (int s = 1; s <= SERVERS; s++) {
                markers.add(String.format("s%dn%03d", s, i));
            }
            for (int c = 1; c <= CLI_LOOPS; c++) {
                markers.add(String.format("c%dn%03d", c, i));
            }
        }
        return markers;
    }

    /** The markers found in {@code text}, failing if any of them occurs more than once. */
    private static Set<String> exactlyOnce(String text) {
        Set<String> seen = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Matcher m = MARKER.matcher(text); m.find(); ) {
            if (!seen.add(m.group(1))) {
                duplicates.add(m.group(1));
            }
        }
        assertEquals(List.of(), duplicates, "entries stored more than once");
        return seen;
    }
}
