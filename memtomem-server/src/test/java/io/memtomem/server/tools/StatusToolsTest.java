package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.Version;
import io.memtomem.locking.AcquireResult;
import io.memtomem.locking.Os;
import io.memtomem.locking.PidFileNames;
import io.memtomem.locking.PidLock;
import io.memtomem.locking.RuntimeDirs;
import io.memtomem.locking.posix.PosixOs;
import io.memtomem.server.lifecycle.LockOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class StatusToolsTest extends ToolsOnTempStore {

    @Test
    void statusRendersTheSharedReport() {
        tools.ok("mem_add", Map.of("content", "Status note."));
        String text = tools.ok("mem_status", Map.of());
        assertTrue(text.contains(tools.config.storage().sqlitePath().toString()), text);
        JsonNode json = ToolHarness.json(tools.ok("mem_status", Map.of("format", "json")));
        assertTrue(json.has("server") && json.has("index"), json::toString);
    }

    @Test
    void aServerThatFoundTheLockHeldWarnsWhileTheHolderLives() throws Exception {
        assumeFalse(Os.current().isWindows(), "the holder here is this JVM's own flock; Windows locks differ");
        Path runtime = home.resolve("run");
        Os os = new PosixOs(Map.of(RuntimeDirs.TEST_RUNTIME_DIR_ENV, runtime.toString(), RuntimeDirs.TEST_MODE_ENV, "1"),
                false);
        try (ToolHarness contended = new ToolHarness(home.resolve("c"), Map.of(), os, LockOutcome.contendedBy(null))) {
            String kind = "concurrent_server_writers";
            assertFalse(contended.ok("mem_status", Map.of()).contains(kind), "no holder alive: no warning");

            Path pidFile = RuntimeDirs.ensure(os).resolve(PidFileNames.forStore(os, contended.config.storage().sqlitePath()));
            try (AcquireResult.Held holder = (AcquireResult.Held) PidLock.acquire(os, pidFile)) {
                String text = contended.ok("mem_status", Map.of());
                assertTrue(text.contains("\n- " + kind + ": another memtomem server (pid " + holder.pid()
                        + ") holds this store's pid lock"), text);
                assertTrue(text.contains("\n  fix: keep one server per store"), text);
                JsonNode warning = ToolHarness.json(contended.ok("mem_status", Map.of("format", "json")))
                        .get("warnings").get(0);
                assertEquals(kind, warning.get("kind").asText());
                assertTrue(warning.get("fix").asText().contains("MCP host"), warning::toString);
            }
        }
        assertFalse(tools.ok("mem_status", Map.of()).contains("concurrent_server_writers"),
                "a server holding the lock never warns");
    }

    @Test
    void statsCountChunksAndSources() {
        tools.ok("mem_add", Map.of("content", "Stats note one."));
        tools.ok("mem_add", Map.of("content", "Stats note two."));
        assertEquals("Memory index statistics:\n- Total chunks: 2\n- Total sources: 1\n- Storage backend: sqlite",
                tools.ok("mem_stats", Map.of()));
        assertEquals(2, ToolHarness.json(tools.ok("mem_stats", Map.of("format", "json"))).get("total_chunks").asInt());
        assertEquals(tools.ok("mem_stats", Map.of()), tools.okAction("stats", Map.of()));
    }

    @Test
    void versionNamesTheProjectVersionAndMode() {
        String text = tools.okAction("version", Map.of());
        assertTrue(text.startsWith("memtomem " + Version.current() + "\n"), text);
        assertTrue(text.contains("- Tool mode: full"), text);
        assertTrue(text.contains("- Embedding: none (BM25 only)"), text);
    }

    @Test
    void embeddingResetShowsTheStateAndAppliesTheConfiguredModel() {
        String status = tools.okAction("embedding_reset", Map.of());
        assertTrue(status.startsWith("Embedding state:\n- Stored: "), status);
        assertTrue(status.contains("- Mismatch: no"), status);
        assertTrue(tools.okAction("embedding_reset", Map.of("mode", "apply_current"))
                .startsWith("Embedding reset applied.\nEmbedding state:"));
    }

    @Test
    void embeddingResetRevertToStoredIsTheReferencesModeButLeftToTheTerminal() {
        String error = tools.errorAction("embedding_reset", Map.of("mode", "revert_to_stored"));
        assertTrue(error.contains("mm embedding-reset --mode revert-to-stored"), error);
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(tools.error("mem_status", Map.of("verbose", true)).contains("unknown parameter 'verbose'"));
        assertTrue(tools.error("mem_stats", Map.of("format", "xml")).contains("format must be one of"));
        assertTrue(tools.errorAction("version", Map.of("x", 1)).contains("it takes no parameters"));
        assertTrue(tools.errorAction("embedding_reset", Map.of("mode", "revert")).contains("mode must be one of "
                + "status, apply_current, revert_to_stored"));
    }
}
