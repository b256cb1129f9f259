package io.memtomem.core.search;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.index.IndexRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporal validity (memory-core.md §5.1 stage 5): results must hold at {@code as_of}, which defaults to now. */
class AsOfSearchTest {
    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    @TempDir
    Path home;

    private Memtomem seeded() {
        note("expired", "valid_to: 2026-Q1\n");
        note("current", "valid_from: 2026-04-01\nvalid_to: 2026-12-31\n");
        note("upcoming", "valid_from: 2026-Q3\n");
        note("timeless", "");
        MemtomemConfig config = TestStores.withNotes(home);
        Memtomem memtomem = Memtomem.open(config, Clock.fixed(NOW, ZoneOffset.UTC));
        memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
        return memtomem;
    }

    private void note(String name, String frontmatter) {
        String head = frontmatter.isEmpty() ? "" : "---\n" + frontmatter + "---\n";
        write(home.resolve("notes/" + name + ".md"), head + "## " + name + "\n\nThe pricing plan " + name + ".\n");
    }

    private static List<String> names(Memtomem memtomem, String asOf) {
        return memtomem.search(SearchRequest.of("pricing plan").withAsOf(asOf)).hits().stream()
                .map(hit -> hit.hierarchy().get(0).substring(3)).sorted().toList();
    }

    @Test
    void withoutAsOfAnExpiredOrNotYetValidNoteDropsOutOfAPlainSearch() {
        try (Memtomem memtomem = seeded()) {
            assertEquals(List.of("current", "timeless"), names(memtomem, null));
        }
    }

    @Test
    void asOfADayOrQuarterKeepsWhatHeldAtItsStart() {
        try (Memtomem memtomem = seeded()) {
            assertEquals(List.of("expired", "timeless"), names(memtomem, "2026-03-31"));
            assertEquals(List.of("current", "timeless"), names(memtomem, "2026-04-01"));
            assertEquals(List.of("current", "timeless", "upcoming"), names(memtomem, "2026-Q3"));
            assertEquals(List.of("timeless", "upcoming"), names(memtomem, "2027-01-01"));
        }
    }

    @Test
    void aBadAsOfIsAnErrorNamingAsOfAndTheFormats() {
        try (Memtomem memtomem = seeded()) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.search(SearchRequest.of("pricing plan").withAsOf("2026-05")));
            assertEquals("as_of", error.parameter());
            assertEquals("as_of must be YYYY-MM-DD or YYYY-QN (e.g. 2026-03-30 or 2026-Q1), got '2026-05'",
                    error.getMessage());
        }
    }

    @Test
    void expiredNotesRankedAboveTheTopKCutLeaveTheirPlacesToTheNextValidOnes() {
        for (int i = 0; i < 3; i++) {
            write(home.resolve("notes/old" + i + ".md"), "---\nvalid_to: 2026-Q1\n---\n## old" + i
                    + "\n\nPricing pricing pricing plan.\n");
        }
        note("current", "");
        note("timeless", "");
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home), Clock.fixed(NOW, ZoneOffset.UTC))) {
            memtomem.index(new IndexRequest(home.resolve("notes"), true, false, null), null);
            SearchResponse response = memtomem.search(SearchRequest.of("pricing").withTopK(2)
                    .withPipelineCounts(true));
            assertEquals(List.of("current", "timeless"), response.hits().stream()
                    .map(hit -> hit.hierarchy().get(0).substring(3)).sorted().toList());
            assertEquals(5, response.pipeline().orElseThrow().bm25Candidates());
        }
    }
}
