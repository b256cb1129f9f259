package io.memtomem.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server whose configuration cannot be used still answers {@code initialize} (the host would otherwise show only
 * "failed to connect"); every tool answers the problem and its fix, and {@code mem_status} reports it.
 */
class BrokenConfigServerTest {
    @TempDir
    Path root;

    @Test
    void aBadConfigValueStillAnswersInitializeAndEveryToolAnswersTheProblemAndItsFix() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Files.createDirectories(launch.home.resolve(".memtomem"));
        Files.writeString(launch.home.resolve(".memtomem/config.json"), "{\"search\": {\"default_top_k\": 0}}");
        try (RawServer server = RawServer.start(launch)) {
            assertEquals("memtomem", server.initialize().get("serverInfo").get("name").asText());
            server.callTool(1, "mem_search", "{\"query\":\"x\"}");
            JsonNode search = server.awaitReply(1).get("result");
            assertTrue(search.get("isError").asBoolean(), search::toString);
            String text = search.get("content").get(0).get("text").asText();
            assertTrue(text.contains("search.default_top_k") && text.contains("between 1 and 100")
                    && text.contains("restart memtomem-server"), text);
            server.callTool(2, "mem_status", "{}");
            String status = server.awaitReply(2).get("result").get("content").get(0).get("text").asText();
            assertTrue(status.contains("config_invalid") && status.contains("search.default_top_k"), status);
        }
        assertFalse(Files.exists(launch.home.resolve(".memtomem/memtomem.db")), "no store is opened");
    }

    @Test
    void anUnknownToolModeIsAConfigProblemNamingTheValidModes() throws Exception {
        ServerLaunch launch = new ServerLaunch(root).env("MEMTOMEM_TOOL_MODE", "ful");
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            server.callTool(1, "mem_stats", "{}");
            String text = server.awaitReply(1).get("result").get("content").get(0).get("text").asText();
            assertTrue(text.contains("MEMTOMEM_TOOL_MODE") && text.contains("core, standard, full"), text);
        }
    }

    @Test
    void anUnknownLogLevelIsAConfigProblemNamingTheValidLevels() throws Exception {
        ServerLaunch launch = new ServerLaunch(root).env("MEMTOMEM_LOG_LEVEL", "verbose");
        try (RawServer server = RawServer.start(launch)) {
            server.initialize();
            server.callTool(1, "mem_status", "{}");
            String text = server.awaitReply(1).get("result").get("content").get(0).get("text").asText();
            assertTrue(text.contains("MEMTOMEM_LOG_LEVEL") && text.contains("debug, info, warning"), text);
        }
    }
}
