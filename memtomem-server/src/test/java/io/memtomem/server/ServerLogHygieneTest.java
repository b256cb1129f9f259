package io.memtomem.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the most verbose level, the real server logs which tool ran, sizes and timings, never a request or result body,
 * and its log file is private.
 */
class ServerLogHygieneTest {
    private static final String SECRET = "AKIAZXCVBNMASDFGHJKL";
    private static final String NOTE = "the quokka-marmalade recipe needs three lemons";

    @TempDir
    Path root;

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "file modes are POSIX")
    void debugLoggingNeverWritesBodiesAndTheLogFileIsOwnerOnly() throws Exception {
        ServerLaunch launch = new ServerLaunch(root).env("MEMTOMEM_LOG_LEVEL", "debug");
        Path logs = Files.createDirectories(launch.home.resolve(".memtomem/logs"));
        Path log = logs.resolve("server.log");
        Files.writeString(log, "an older server's line\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            server.callTool(1, "mem_add", "{\"content\":\"deploy key " + SECRET + "\"}");
            JsonNode refused = server.awaitReply(1);
            assertTrue(refused.get("result").get("isError").asBoolean(), refused::toString);
            server.callTool(2, "mem_add", "{\"content\":\"" + NOTE + "\"}");
            server.awaitReply(2);
            server.awaitStderr("tools/call mem_add: 1 argument(s)");
            server.closeStdin();
            assertEquals(0, server.awaitExit(ServerLaunch.TIMEOUT));
            String stderr = String.join("\n", server.stderr());
            String file = Files.readString(log, StandardCharsets.UTF_8);
            for (String logged : new String[] {stderr, file}) {
                assertFalse(logged.contains(SECRET), logged);
                assertFalse(logged.contains("quokka"), logged);
                assertFalse(logged.contains("\"jsonrpc\""), logged);
                assertTrue(logged.contains("tools/call mem_add: 1 argument(s)"), logged);
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "file modes are POSIX")
    void aNewLogFileIsCreatedOwnerOnly() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Files.createDirectories(launch.home.resolve(".memtomem"));
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            server.closeStdin();
            assertEquals(0, server.awaitExit(ServerLaunch.TIMEOUT));
        }
        Path log = launch.home.resolve(".memtomem/logs/server.log");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())));
    }
}
