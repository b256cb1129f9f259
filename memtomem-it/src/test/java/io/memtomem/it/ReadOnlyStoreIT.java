package io.memtomem.it;

import io.memtomem.core.store.ReadOnlyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A database the user may only read (mode 0444, or immutable for root) still answers mm search, mm status, mem_search. */
class ReadOnlyStoreIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    @RegisterExtension
    final ReadOnlyFiles readOnlyFiles = new ReadOnlyFiles();

    @Test
    void searchAndStatusWorkOnAReadOnlyDatabase() throws Exception {
        Platform.assumePosix("file modes");
        sandbox.configure();
        Mm.run(sandbox, "add", "The wombat runbook restarts the queue.").assertOk();
        readOnlyFiles.makeReadOnly(sandbox.dbPath());

        assertContains(Mm.run(sandbox, "search", "wombat").assertOk().stdout(), "wombat");
        assertEquals(1, Mm.run(sandbox, "status", "--json").assertOk().json().path("index").path("total_sources").asInt(-1),
                "mm status counts the indexed file");
        Files.writeString(sandbox.memoriesDir().resolve("new.md"), "## New\n\nA note written since.\n");
        Mm.Result index = Mm.run(sandbox, "index", sandbox.memoriesDir().toString());
        assertEquals(1, index.exitCode(), index::toString);
        assertContains(index.stderr(), "is read-only");

        RawMcpSession server = RawMcpSession.start(sandbox);
        assertContains(server.callOk("mem_search", Map.of("query", "wombat")), "wombat");
        server.closeStdin();
        server.awaitExit(Duration.ofSeconds(30));
    }
}
