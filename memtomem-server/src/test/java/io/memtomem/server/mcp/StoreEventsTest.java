package io.memtomem.server.mcp;

import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreEventsTest {
    private final List<String> logged = new ArrayList<>();
    private final StoreEvents events = new StoreEvents((level, message) -> logged.add(level + " " + message));

    @Test
    void pendingVectorsAreSaidOnceWhenTheyAppearAndOnceWhenTheyAreGone() {
        events.observe(new StoreEvents.Snapshot(0, 0, 0, null, false));
        events.observe(new StoreEvents.Snapshot(0, 0, 12, null, false));
        events.observe(new StoreEvents.Snapshot(0, 0, 30, null, false));
        events.observe(new StoreEvents.Snapshot(0, 0, 0, null, false));
        assertEquals(List.of(LoggingLevel.NOTICE + " 12 chunk(s) wait for vectors: until they have them, search finds "
                + "them by keywords (BM25) only", LoggingLevel.INFO + " every chunk has its vector again"), logged);
    }

    @Test
    void watcherOverflowsAndRescansAreReported() {
        events.observe(new StoreEvents.Snapshot(1, 0, 0, null, false));
        events.observe(new StoreEvents.Snapshot(1, 3000, 0, null, false));
        events.observe(new StoreEvents.Snapshot(1, 3000, 0, null, false));
        assertEquals(2, logged.size(), logged::toString);
        assertTrue(logged.get(0).startsWith(LoggingLevel.WARNING + " the file watcher fell behind (1 time(s)"));
        assertEquals(LoggingLevel.INFO + " the file watcher's rescan indexed 3000 file(s)", logged.get(1));
    }

    @Test
    void anEmbeddingFailureIsAnErrorOncePerDistinctFailureAndAModelMismatchAWarning() {
        events.observe(new StoreEvents.Snapshot(0, 0, 5, "ollama at http://localhost:11434 refused", false));
        events.observe(new StoreEvents.Snapshot(0, 0, 5, "ollama at http://localhost:11434 refused", false));
        events.observe(new StoreEvents.Snapshot(0, 0, 5, null, true));
        assertEquals(3, logged.size(), logged::toString);
        assertTrue(logged.get(1).startsWith(LoggingLevel.ERROR + " embedding failed: ollama at"), logged::toString);
        assertTrue(logged.get(2).startsWith(LoggingLevel.WARNING + " the store's vectors were made by another"));
    }
}
