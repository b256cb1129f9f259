package io.memtomem.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.cli.CliHarness;
import io.memtomem.cli.CliHarness.Result;
import io.memtomem.cli.Holders;
import io.memtomem.core.Memtomem;
import io.memtomem.core.status.ServerBlock;
import io.memtomem.core.status.StatusReports;
import io.memtomem.locking.Liveness;
import io.memtomem.locking.testsupport.PidHolderMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = CliHarness.in(temp);
    }

    @Test
    void unconfiguredExitsOneWithTheInitHintAndCreatesNothing() {
        Result result = cli.run("status");
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals("Error: memtomem is not configured. Run 'mm init' to set up.", result.err().strip());
        assertFalse(Files.exists(cli.stateDir()), "status must not create ~/.memtomem");
    }

    @Test
    void unconfiguredJsonPrintsAnErrorDocument() throws Exception {
        Result result = cli.run("status", "--json");
        assertEquals(1, result.exitCode());
        assertTrue(JSON.readTree(result.out()).get("error").asText().contains("mm init"), result.out());
    }

    @Test
    void textIsExactlyWhatMemStatusRenders() {
        cli.run("init", "--non-interactive");
        cli.run("add", "something so the database exists");
        Result result = cli.run("status");
        assertEquals(0, result.exitCode(), result::toString);
        String expected;
        try (Memtomem memtomem = Memtomem.open(cli.config())) {
            expected = StatusReports.renderText(StatusReports.collect(memtomem, ServerBlock.from(
                    Liveness.checkServer(cli.os(), cli.config().storage().sqlitePath(), cli.home()))));
        }
        assertEquals(expected.strip(), result.out().strip());
        assertTrue(result.out().toLowerCase().contains("not running"), result.out());
    }

    @Test
    void aConfiguredStoreWithoutADatabaseIsReportedWithoutCreatingOne() throws Exception {
        cli.run("init", "--non-interactive");
        // init indexes the memory dir, which creates the database: take it away again
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(cli.config().storage().sqlitePath() + suffix));
        }
        Result result = cli.run("status");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(Files.exists(cli.config().storage().sqlitePath()), "status must not create the database");
    }

    @Test
    void jsonHasTheServerBlockAndNoColour() throws Exception {
        cli.run("init", "--non-interactive");
        Result result = cli.runInteractive("", "status", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(result.out().contains("\u001b["));
        JsonNode server = JSON.readTree(result.out()).get("server");
        List<String> keys = new ArrayList<>();
        server.fieldNames().forEachRemaining(keys::add);
        assertTrue(keys.containsAll(List.of("running", "pid", "started", "pid_file", "probe_error")), keys::toString);
        assertFalse(server.get("running").asBoolean());
    }

    @Test
    void aHeldPidFileIsReportedRunningWithItsPidUntilReleased() throws Exception {
        cli.run("init", "--non-interactive");
        PidHolderMain.Started holder = Holders.holdInRuntimeDir(cli, cli.storePidFile());
        try {
            JsonNode server = JSON.readTree(cli.run("status", "--json").out()).get("server");
            assertTrue(server.get("running").asBoolean(), server::toString);
            assertEquals(holder.heldPid(), server.get("pid").asLong());
            assertEquals(cli.storePidFile().toString(), server.get("pid_file").asText());
            assertTrue(server.get("started").isTextual(), server::toString);
        } finally {
            Holders.release(holder);
        }
        JsonNode after = JSON.readTree(cli.run("status", "--json").out()).get("server");
        assertFalse(after.get("running").asBoolean(), after::toString);
    }

    @Test
    void anUnprobeablePidFileSaysCannotVerifyNeverRunningOrNot() throws Exception {
        cli.run("init", "--non-interactive");
        cli.createRuntimeDir();
        Files.createDirectory(cli.storePidFile());   // a directory where the pid file should be: fail closed
        Result text = cli.run("status");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().toLowerCase().contains("cannot verify"), text.out());

        JsonNode server = JSON.readTree(cli.run("status", "--json").out()).get("server");
        assertTrue(server.get("probe_error").isTextual(), server::toString);
    }
}
