package io.memtomem.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Scenario 1: the handshake, the advertised tool surface, and one successful round trip through every core tool. */
class ServerCoreToolsIT {
    private static final Set<String> CORE_TOOLS = Set.of("mem_search", "mem_add", "mem_index", "mem_recall",
            "mem_status", "mem_stats", "mem_list", "mem_read", "mem_do");

    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    @Test
    void handshakeListsTheNineCoreToolsAndEveryToolAnswers() throws JsonProcessingException {
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            McpSchema.Implementation info = server.initializeResult().serverInfo();
            assertEquals("memtomem", info.name());
            assertFalse(info.version().isBlank(), "serverInfo.version");
            assertEquals(CORE_TOOLS, server.tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet()));

            String added = server.callOk("mem_add", Map.of(
                    "content", "Blue-green deploys flip the router after the smoke test.",
                    "title", "Deploy runbook", "tags", List.of("ops", "deploy")));
            Path dayFile = MarkdownFiles.onlyOne(sandbox.memoriesDir());
            assertContains(added, "Memory added", dayFile.toString());
            assertContains(MarkdownFiles.read(dayFile), "## Deploy runbook", "flip the router");

            assertContains(server.callOk("mem_search", Map.of("query", "router smoke test")), "flip the router");
            String chunkId = onlyChunkId(server);
            assertContains(server.callOk("mem_read", Map.of("chunk_id", chunkId)), chunkId, "flip the router");
            assertContains(server.callOk("mem_index", Map.of("path", sandbox.memoriesDir().toString())),
                    "Indexing complete");
            assertContains(server.callOk("mem_recall", Map.of()), "flip the router");
            assertContains(server.callOk("mem_stats", Map.of()), "Total chunks: 1");
            assertContains(server.callOk("mem_list", Map.of()), dayFile.getFileName().toString());
            assertContains(server.callOk("mem_status", Map.of()), sandbox.dbPath().toString());
            assertContains(server.callOk("mem_do", Map.of("action", "tag_list")), "ops", "deploy");
            assertContains(server.callOk("mem_do", Map.of("action", "version")), info.version());
        }
    }

    /** The id comes from the structured search output, as an agent would read it. */
    private static String onlyChunkId(McpServerConnection server) throws JsonProcessingException {
        String json = server.callOk("mem_search", Map.of("query", "router", "output_format", "structured"));
        List<String> ids = RawMcpSession.JSON.readTree(json).path("results").findValuesAsText("chunk_id");
        assertEquals(1, ids.size(), json);
        return ids.get(0);
    }
}
