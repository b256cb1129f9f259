package io.memtomem.core.search;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import io.memtomem.core.store.StoredChunk;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecallTest {
    private static final String BODY = " body text long enough to be its own chunk after merging short ones.".repeat(8);

    @TempDir
    Path home;

    /** Indexes one file per date, each with its own clock so created_at differs. */
    private void indexAt(MemtomemConfig config, String instant, String name, String namespace, String tags) {
        Path file = write(home.resolve("notes/" + name + ".md"),
                "## " + name + "\n\n" + (tags == null ? "" : "> tags: " + tags + "\n\n") + name + BODY + "\n");
        try (Memtomem memtomem = Memtomem.open(config, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))) {
            memtomem.index(new IndexRequest(file, false, false, namespace), null);
        }
    }

    private List<String> titles(RecallResponse response) {
        return response.chunks().stream().map(c -> c.hierarchy().get(0).substring(3)).toList();
    }

    private Memtomem seeded() {
        MemtomemConfig config = TestStores.withNotes(home);
        indexAt(config, "2025-12-31T23:00:00Z", "dec", null, null);
        indexAt(config, "2026-01-15T10:00:00Z", "jan", null, "[\"x\"]");
        indexAt(config, "2026-02-01T00:00:00Z", "feb", "work", "[\"y\"]");
        indexAt(config, "2026-03-30T01:02:03Z", "mar", "archive:old", null);
        return Memtomem.open(config);
    }

    @Test
    void recentMemoriesComeNewestFirstAndSystemNamespacesAreHiddenWithAHint() {
        try (Memtomem memtomem = seeded()) {
            RecallResponse response = memtomem.recall(RecallRequest.recent(10));
            assertEquals(List.of("feb", "jan", "dec"), titles(response));
            assertTrue(response.hints().get(0).startsWith("1 memory hidden"), response.hints().toString());
            assertEquals(List.of("feb"), titles(memtomem.recall(RecallRequest.recent(1))));
        }
    }

    @Test
    void partialDatesCoverWholePeriodsAndUntilIsExclusive() {
        try (Memtomem memtomem = seeded()) {
            RecallResponse year = memtomem.recall(new RecallRequest("2026", "2026", "*", null, null, 20));
            assertEquals(List.of("mar", "feb", "jan"), titles(year));
            assertEquals("2026-01-01T00:00:00.000000+00:00", year.since());
            assertEquals("2027-01-01T00:00:00.000000+00:00", year.until());
            assertEquals(List.of("jan"), titles(memtomem.recall(new RecallRequest("2026-01", "2026-01", null, null,
                    null, 20))));
            assertEquals(List.of("feb"), titles(memtomem.recall(new RecallRequest("2026-02-01", "2026-02-01", null,
                    null, null, 20))));
            assertEquals(List.of("jan", "dec"), titles(memtomem.recall(new RecallRequest(null,
                    "2026-02-01T00:00:00Z", null, null, null, 20))));
            assertEquals(List.of("dec"), titles(memtomem.recall(new RecallRequest("2025-12-31T22:00:00",
                    "2025-12-31T23:30:00+00:00", null, null, null, 20))));
        }
    }

    @Test
    void sinceNotBeforeUntilIsAnError() {
        try (Memtomem memtomem = seeded()) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.recall(new RecallRequest("2026-03-01", "2026-02", null, null, null, 20)));
            assertEquals("since", error.parameter());
        }
    }

    @Test
    void reversedGlobRangeInTheSourceFilterIsInvalidInputNotAnEmptyResult() {
        try (Memtomem memtomem = seeded()) {
            assertEquals("source_filter", assertThrows(InvalidInputException.class,
                    () -> memtomem.recall(new RecallRequest(null, null, null, "*/[z-a]*", null, 5))).parameter());
        }
    }

    @Test
    void malformedDatesAndLimitsAreInvalidInput() {
        try (Memtomem memtomem = seeded()) {
            assertEquals("until", assertThrows(InvalidInputException.class,
                    () -> memtomem.recall(new RecallRequest(null, "March", null, null, null, 20))).parameter());
            assertEquals("since", assertThrows(InvalidInputException.class,
                    () -> memtomem.recall(new RecallRequest("2026-13", null, null, null, null, 20))).parameter());
            assertEquals("limit", assertThrows(InvalidInputException.class,
                    () -> memtomem.recall(RecallRequest.recent(0))).parameter());
            assertEquals("limit", assertThrows(InvalidInputException.class,
                    () -> memtomem.recall(RecallRequest.recent(501))).parameter());
        }
    }

    @Test
    void namespaceSourceAndTagFiltersApplyBeforeTheLimit() {
        try (Memtomem memtomem = seeded()) {
            assertEquals(List.of("feb"), titles(memtomem.recall(new RecallRequest(null, null, "work", null, null, 1))));
            assertEquals(List.of("jan"), titles(memtomem.recall(new RecallRequest(null, null, null, "jan.md", null,
                    1))));
            assertEquals(List.of("jan"), titles(memtomem.recall(new RecallRequest(null, null, null, "*/j?n.md", null,
                    1))));
            assertEquals(List.of("feb", "jan"), titles(memtomem.recall(new RecallRequest(null, null, null, null,
                    "x,y", 5))));
            assertEquals(List.of("feb", "dec"), titles(memtomem.recall(new RecallRequest(null, null, null,
                    "*/[!j]??.md", null, 5))));
            List<StoredChunk> archived = memtomem.recall(new RecallRequest(null, null, "archive:*", null, null, 5))
                    .chunks();
            assertEquals("archive:old", archived.get(0).namespace());
        }
    }
}
