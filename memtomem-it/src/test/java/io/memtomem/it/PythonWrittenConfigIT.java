package io.memtomem.it;

import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;

import static io.memtomem.it.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #18.2 through the real launchers: a {@code config.json} the Python memtomem wrote (its {@code mm init} minimal and
 * english presets, and all 123 of its keys; fixtures of memtomem-core's tests) no longer stops {@code bin/mm} or the
 * server, and a broken one still lets the server answer {@code initialize}.
 */
class PythonWrittenConfigIT {
    @RegisterExtension
    final Sandbox sandbox = new Sandbox();

    private void installPythonConfig(String fixture) throws IOException {
        Files.createDirectories(sandbox.memoriesDir());
        try (InputStream in = getClass().getResourceAsStream("/python-config/" + fixture)) {
            Files.write(sandbox.storeDir().resolve("config.json"), in.readAllBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"init-minimal.json", "init-english.json", "every-key.json"})
    void theServerAnswersInitializeAndMmStatusWorksOnAPythonWrittenConfig(String fixture) throws IOException {
        installPythonConfig(fixture);
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            assertEquals("memtomem", server.initializeResult().serverInfo().name());
            assertEquals(9, server.tools().size());
            McpSchema.CallToolResult status = server.call("mem_status", Map.of());
            // the english preset's bge-small-en-v1.5 is the bundled quantized bge-small
            assertContains(McpServerConnection.text(status), "config_keys_without_effect");
        }
        Mm.Result status = Mm.run(sandbox, "status").assertOk();
        assertContains(status.stdout(), "accepted, no effect in memtomem-java", "indexing.auto_discover");
    }

    @ParameterizedTest
    @ValueSource(strings = {"init-minimal.json", "every-key.json"})
    void addAndSearchWorkOnAPythonWrittenConfig(String fixture) throws IOException {
        installPythonConfig(fixture);
        Mm.run(sandbox, "add", "Blue-green deploys flip the router after the smoke test.").assertOk();
        assertContains(Mm.run(sandbox, "search", "router smoke").assertOk().stdout(), "Blue-green deploys");
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            assertContains(server.callOk("mem_search", Map.of("query", "router smoke")), "flip the router");
        }
    }

    @Test
    void aBrokenConfigStillAnswersInitializeAndEveryToolAnswersTheProblem() throws IOException {
        Files.createDirectories(sandbox.storeDir());
        Files.writeString(sandbox.storeDir().resolve("config.json"), "{\"search\": {\"rrf_weights\": [1.0]}}");
        try (McpServerConnection server = McpServerConnection.start(sandbox)) {
            assertEquals("memtomem", server.initializeResult().serverInfo().name());
            McpSchema.CallToolResult search = server.call("mem_search", Map.of("query", "x"));
            assertTrue(search.isError(), search::toString);
            assertContains(McpServerConnection.text(search), "search.rrf_weights", "restart memtomem-server");
            assertContains(server.callOk("mem_status", Map.of()), "config_invalid", "search.rrf_weights");
        }
    }
}
