package io.memtomem.it;

import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.memtomem.it.TextAssertions.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Issue 12: two servers race deletes and edits of the same ids, each retried, while {@code mm add} appends to the
     * same file. Every targeted entry carries the same body as the untargeted ones, so an id matched by body alone
     * would hit a neighbour. Each id must be answered exactly once with success and otherwise "not found", no
     * untargeted entry may change, and the index must list exactly the entries the markdown holds.
     */
    @Test
    void twoServersRetryingDeletesAndEditsOfTheSameIdsTouchOnlyTheirTargetsWhileAddsRun() throws Exception {
        int targets = 10;
        int adds = 10;
        try (McpServerConnection first = McpServerConnection.start(sandbox);
             McpServerConnection second = McpServerConnection.start(sandbox)) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < targets; i++) {
                for (String kind : List.of("Delete", "Edit", "Keep")) {
                    entries.add(Map.of("key", String.format("%s %02d", kind, i), "value", SAME_BODY));
                }
            }
            first.callOk("mem_do", Map.of("action", "batch_add", "params", Map.of("entries", entries)));
            Map<String, String> ids = idsByHeading();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> adder = pool.submit(() -> {
                    for (int i = 0; i < adds; i++) {
                        Mm.run(sandbox, "add", "soakround added " + i, "--title", String.format("Added %02d", i))
                                .assertOk();
                    }
                });
                Future<Map<String, Integer>> one =
                        pool.submit(() -> deleteAndEdit(first, "s1", ids, targets, false));
                Future<Map<String, Integer>> two =
                        pool.submit(() -> deleteAndEdit(second, "s2", ids, targets, true));
                adder.get(10, TimeUnit.MINUTES);
                Map<String, Integer> successes = new TreeMap<>(one.get(10, TimeUnit.MINUTES));
                two.get(10, TimeUnit.MINUTES)
                        .forEach((heading, count) -> successes.merge(heading, count, Integer::sum));
                Map<String, Integer> expectedSuccesses = new TreeMap<>();
                for (int i = 0; i < targets; i++) {
                    expectedSuccesses.put(String.format("Delete %02d", i), 1);
                    expectedSuccesses.put(String.format("Edit %02d", i), 1);
                }
                assertEquals(expectedSuccesses, successes, "successful calls per targeted id");
            } finally {
                pool.shutdownNow();
            }
        }

        Map<String, String> sections = sections(MarkdownFiles.text(sandbox.memoriesDir()));
        Set<String> expectedHeadings = new TreeSet<>();
        for (int i = 0; i < targets; i++) {
            expectedHeadings.add(String.format("Edit %02d", i));
            expectedHeadings.add(String.format("Keep %02d", i));
        }
        for (int i = 0; i < adds; i++) {
            expectedHeadings.add(String.format("Added %02d", i));
        }
        assertEquals(expectedHeadings, sections.keySet(), "markdown = adds - deletes");
        for (int i = 0; i < targets; i++) {
            assertTrue(sections.get(String.format("Keep %02d", i)).endsWith("\n\n" + SAME_BODY),
                    () -> "an untargeted entry changed: " + sections);
            String edited = sections.get(String.format("Edit %02d", i));
            assertTrue(edited.endsWith("edited by s1") || edited.endsWith("edited by s2"), edited);
        }
        try (StoreDb db = StoreDb.open(sandbox.dbPath())) {
            List<String> indexed = db.strings("SELECT heading_hierarchy FROM chunks").stream()
                    .map(SoakIT::lastHeading).sorted().toList();
            assertEquals(List.copyOf(expectedHeadings), indexed, "index = markdown");
        }
    }

    private static final String SAME_BODY = "soakround body shared by every seeded entry";
    private static final Pattern HEADING_JSON = Pattern.compile("\"## ([^\"]+)\"]$");

    /** Deletes every Delete id and edits every Edit id, each call retried once; returns the successes per heading. */
    private static Map<String, Integer> deleteAndEdit(McpServerConnection server, String name,
                                                      Map<String, String> ids, int targets, boolean reversed) {
        Map<String, Integer> successes = new TreeMap<>();
        for (int n = 0; n < targets; n++) {
            int i = reversed ? targets - 1 - n : n;
            String delete = String.format("Delete %02d", i);
            String edit = String.format("Edit %02d", i);
            for (int attempt = 0; attempt < 2; attempt++) {
                count(successes, delete, server.call("mem_do", Map.of("action", "delete",
                        "params", Map.of("chunk_id", ids.get(delete)))));
                count(successes, edit, server.call("mem_do", Map.of("action", "edit",
                        "params", Map.of("chunk_id", ids.get(edit), "content", "soakround " + edit + " edited by "
                                + name))));
            }
        }
        return successes;
    }

    /** A call either succeeds or answers "not found" as an error; anything else fails the round. */
    private static void count(Map<String, Integer> successes, String heading, McpSchema.CallToolResult result) {
        String text = McpServerConnection.text(result);
        if (Boolean.TRUE.equals(result.isError())) {
            assertTrue(text.toLowerCase().contains("not found"), () -> heading + ": " + text);
        } else {
            assertNotContains(text.toLowerCase(), "index pending");
            successes.merge(heading, 1, Integer::sum);
        }
    }

    private Map<String, String> idsByHeading() {
        try (StoreDb db = StoreDb.open(sandbox.dbPath())) {
            Map<String, String> ids = new TreeMap<>();
            for (String row : db.strings("SELECT heading_hierarchy || char(9) || id FROM chunks")) {
                String[] parts = row.split("\t");
                ids.put(lastHeading(parts[0]), parts[1]);
            }
            return ids;
        }
    }

    private static String lastHeading(String hierarchyJson) {
        Matcher m = HEADING_JSON.matcher(hierarchyJson);
        assertTrue(m.find(), hierarchyJson);
        return m.group(1);
    }

    /** Each "## heading" of the markdown with its text up to the next one, failing on a heading seen twice. */
    private static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new TreeMap<>();
        for (String block : markdown.split("\n## ")) {
            if (block.isBlank() || !block.contains("\n")) {
                continue;
            }
            String heading = block.substring(0, block.indexOf('\n')).replaceFirst("^## ", "");
            assertEquals(null, sections.put(heading, block.substring(block.indexOf('\n')).strip()),
                    "heading twice: " + heading);
        }
        return sections;
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
