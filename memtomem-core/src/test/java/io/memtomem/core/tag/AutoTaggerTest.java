package io.memtomem.core.tag;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.index.IndexResult;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.store.StoredChunk;
import io.memtomem.core.store.TagCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoTaggerTest {
    private static final String FILLER = "Ordinary words keep every section long enough to stand as a chunk of its"
            + " own after merging. ";

    @TempDir
    Path home;
    Path notes;
    Memtomem memtomem;

    /** Nine chunks of filler make the store big enough that words in most chunks stop being keywords. */
    @BeforeEach
    void open() {
        notes = home.resolve("notes");
        memtomem = TestStores.open(TestStores.withNotes(home));
        StringBuilder padding = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            padding.append(section("Padding " + i, ""));
        }
        write(notes.resolve("padding.md"), padding.toString());
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    private static String section(String title, String body) {
        return "## " + title + "\n\n" + body + " " + FILLER.repeat(8) + "\n\n";
    }

    private IndexResult index(boolean force) {
        return memtomem.index(new IndexRequest(notes, true, force, null), null);
    }

    private List<StoredChunk> chunks() {
        return memtomem.recall(new RecallRequest(null, null, "*", null, null, 500)).chunks().stream()
                .filter(chunk -> !chunk.source().endsWith("padding.md")).toList();
    }

    private Map<String, StoredChunk> chunksByTitle() {
        return chunks().stream().collect(Collectors.toMap(c -> c.hierarchy().get(c.hierarchy().size() - 1),
                Function.identity()));
    }

    private void writeDatabaseNotes() {
        write(notes.resolve("db.md"), section("Postgres", "Postgres vacuum postgres autovacuum bloat.")
                + section("Kafka", "Kafka consumer rebalance kafka partitions."));
    }

    private AutoTagResult autoTag(boolean dryRun) {
        return memtomem.autoTag(new AutoTagRequest(null, null, AutoTagRequest.DEFAULT_MAX_TAGS, dryRun));
    }

    @Test
    void dryRunProposesKeywordsAndWritesNothing() {
        writeDatabaseNotes();
        index(false);
        AutoTagResult proposed = autoTag(true);
        assertTrue(proposed.dryRun());
        assertEquals(11, proposed.chunksScanned());
        Map<Integer, List<String>> byLine = proposed.tagged().stream()
                .collect(Collectors.toMap(ChunkTags::startLine, ChunkTags::tags));
        assertEquals(List.of("postgres", "vacuum", "autovacuum"), byLine.get(1));
        assertTrue(chunks().stream().allMatch(chunk -> chunk.tags().isEmpty()));
        assertEquals(List.of(), memtomem.tags());
    }

    @Test
    void writtenTagsReachTagListAndTagFilters() {
        writeDatabaseNotes();
        index(false);
        AutoTagResult written = autoTag(false);
        assertFalse(written.dryRun());
        assertEquals(2, written.chunksTagged());
        assertEquals(6, written.tagsAdded());
        assertEquals(List.of("kafka", "consumer", "rebalance"), chunksByTitle().get("## Kafka").tags());
        assertTrue(memtomem.tags().contains(new TagCount("postgres", 1)));
        var hits = memtomem.search(SearchRequest.of("section chunk").withTagFilter("kafka")).hits();
        assertEquals(1, hits.size());
        assertEquals(List.of("## Kafka"), hits.get(0).hierarchy());
        assertEquals(1, memtomem.recall(new RecallRequest(null, null, "*", null, "vacuum", 10)).chunks().size());
    }

    @Test
    void tagsAlreadyOnTheChunkAreKeptAndNotDuplicated() {
        write(notes.resolve("db.md"), section("Postgres", "> tags: Postgres, ops\n\nPostgres vacuum postgres"
                + " autovacuum bloat."));
        index(false);
        AutoTagResult written = autoTag(false);
        assertEquals(List.of("vacuum", "autovacuum"), written.tagged().get(0).tags());
        assertEquals(List.of("Postgres", "ops", "vacuum", "autovacuum"), chunks().get(0).tags());
        assertEquals(0, autoTag(false).chunksTagged(), "a second run finds nothing new to add");
    }

    @Test
    void filtersLimitTheChunksLookedAt() {
        writeDatabaseNotes();
        write(notes.resolve("other/trip.md"), section("Trip", "Lisbon tram pastel lisbon."));
        index(false);
        AutoTagResult bySource = memtomem.autoTag(new AutoTagRequest("other/trip.md", null, 3, true));
        assertEquals(1, bySource.chunksScanned());
        assertEquals("lisbon", bySource.tagged().get(0).tags().get(0));
        assertEquals(0, memtomem.autoTag(new AutoTagRequest(null, "no-such-namespace", 3, true)).chunksScanned());
        assertEquals(1, memtomem.autoTag(new AutoTagRequest("*/db.md", "default", 1, true)).tagged().get(0)
                .tags().size());
    }

    @Test
    void maxTagsOutsideOneToTenIsRefusedNamingTheParameter() {
        InvalidInputException low = assertThrows(InvalidInputException.class,
                () -> new AutoTagRequest(null, null, 0, true));
        assertEquals("max_tags", low.parameter());
        assertThrows(InvalidInputException.class, () -> new AutoTagRequest(null, null, 11, true));
        assertEquals(10, new AutoTagRequest(null, null, 10, true).maxTags());
    }

    @Test
    void indexAutoTagTagsOnlyTheChunksThatRunWrote() throws Exception {
        writeDatabaseNotes();
        IndexResult first = index(false);
        assertEquals(11, first.writtenChunkIds().size());
        assertEquals(2, memtomem.autoTagChunks(first.writtenChunkIds(), 2).chunksTagged(), "padding has no keywords");
        Files.writeString(notes.resolve("db.md"), section("Postgres", "Postgres vacuum postgres autovacuum bloat.")
                + section("Kafka", "Kafka consumer rebalance kafka partitions offsets."));
        Files.writeString(notes.resolve("trip.md"), section("Trip", "Lisbon tram pastel lisbon."));
        StoredChunk postgresBefore = chunksByTitle().get("## Postgres");
        IndexResult second = index(false);
        assertEquals(2, second.indexed(), "the changed Kafka chunk and the new trip chunk");
        assertEquals(10, second.unchanged(), "the auto-tagged Postgres chunk and the padding are unchanged");
        AutoTagResult tagged = memtomem.autoTagChunks(second.writtenChunkIds(), 2);
        assertEquals(2, tagged.chunksTagged());
        Map<String, StoredChunk> after = chunksByTitle();
        assertEquals(postgresBefore.tags(), after.get("## Postgres").tags());
        assertEquals(List.of("kafka", "consumer"), after.get("## Kafka").tags(), "new text, fresh tags");
        assertEquals(List.of("lisbon", "trip"), after.get("## Trip").tags(), "heading words count");
    }

    @Test
    void twoInstancesTaggingTheSameStoreAtOnceAddEachTagOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            write(notes.resolve("many/n" + i + ".md"), section("Topic" + (char) ('a' + i % 26), "Keyword"
                    + (char) ('a' + i % 26) + " and unique" + (char) ('a' + i / 26) + " words."));
        }
        index(false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Memtomem other = TestStores.open(TestStores.withNotes(home))) {
            List<Future<AutoTagResult>> runs = new ArrayList<>();
            for (Memtomem instance : List.of(memtomem, other)) {
                runs.add(pool.submit(() -> instance.autoTag(new AutoTagRequest(null, null, 3, false))));
            }
            int tagsAdded = 0;
            for (Future<AutoTagResult> run : runs) {
                tagsAdded += run.get(120, TimeUnit.SECONDS).tagsAdded();
            }
            List<StoredChunk> all = memtomem.recall(new RecallRequest(null, null, "*", null, null, 500)).chunks();
            assertEquals(all.stream().mapToInt(chunk -> chunk.tags().size()).sum(), tagsAdded,
                    "a tag the other instance wrote first is not counted again");
            assertTrue(all.stream().allMatch(chunk -> chunk.tags().stream().distinct().count() == chunk.tags().size()),
                    "no chunk carries a tag twice");
            assertTrue(all.stream().filter(chunk -> chunk.source().toString().contains("many"))
                    .allMatch(chunk -> chunk.tags().contains(chunk.hierarchy().get(0).substring("## ".length())
                            .toLowerCase(Locale.ROOT))), "every topic chunk got its heading word");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFewChunksInALargeStoreAreTaggedFromPerTermLookups() {
        for (int i = 0; i < 40; i++) {
            write(notes.resolve("small/pad-" + i + ".md"), "## Pad\n\nPadding line.\n");
        }
        index(false);
        write(notes.resolve("small/trip.md"), "## Trip\n\nLisbon tram pastel lisbon.\n");
        IndexResult indexed = index(false);
        assertEquals(1, indexed.indexed());
        AutoTagResult tagged = memtomem.autoTagChunks(indexed.writtenChunkIds(), 2);
        assertEquals(List.of("lisbon", "trip"), tagged.tagged().get(0).tags());
    }

    @Test
    void autoTagsSurviveAForcedReindexButNotAChangeOfText() throws Exception {
        writeDatabaseNotes();
        index(false);
        autoTag(false);
        List<String> kafkaTags = chunksByTitle().get("## Kafka").tags();
        IndexResult forced = index(true);
        assertEquals(11, forced.indexed());
        assertEquals(kafkaTags, chunksByTitle().get("## Kafka").tags());
        Files.writeString(notes.resolve("db.md"), section("Postgres", "Postgres vacuum postgres autovacuum bloat.")
                + section("Kafka", "Kafka topics are now managed elsewhere."));
        index(false);
        assertEquals(List.of(), chunksByTitle().get("## Kafka").tags());
    }

    @Test
    void aTagHeaderEditStillReachesAnAutoTaggedChunk() throws Exception {
        write(notes.resolve("db.md"), section("Postgres", "> tags: ops, db\n\nPostgres vacuum postgres bloat."));
        index(false);
        autoTag(false);
        assertEquals(List.of("db", "ops", "postgres", "vacuum", "bloat"), chunks().get(0).tags());
        Files.writeString(notes.resolve("db.md"), section("Postgres", "> tags: ops\n\nPostgres vacuum postgres"
                + " bloat."));
        IndexResult reindexed = index(false);
        assertEquals(1, reindexed.indexed());
        assertEquals(List.of("ops", "postgres", "vacuum", "bloat"), chunks().get(0).tags());
    }
}
