package io.memtomem.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A database the user may only read (mode 0444, or immutable for root) still answers mm search, mm status, mem_search. */
class ReadOnlyStoreIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();
    private Path readOnly;

    @AfterEach
    void makeWritableAgain() throws Exception {
        if (readOnly != null) {
            run("chattr", "-i", readOnly.toString());
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void searchAndStatusWorkOnAReadOnlyDatabase() throws Exception {
        Platform.assumePosix("file modes");
        sandbox.configure();
        Mm.run(sandbox, "add", "The wombat runbook restarts the queue.").assertOk();
        makeReadOnly(sandbox.dbPath());

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

    /** chmod for an ordinary user; root ignores modes, so there the file is made immutable. */
    private void makeReadOnly(Path db) throws Exception {
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        readOnly = db;
        if (Files.isWritable(db)) {
            assumeTrue(run("chattr", "+i", db.toString()), "running as root without chattr: cannot make the"
                    + " database read-only");
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
