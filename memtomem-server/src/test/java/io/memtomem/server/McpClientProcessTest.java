package io.memtomem.server;

import io.memtomem.core.Version;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as an MCP host sees it, through the MCP Java SDK client over stdio. */
class McpClientProcessTest {
    private static final List<String> CORE_TOOLS = List.of("mem_search", "mem_add", "mem_index", "mem_recall",
            "mem_status", "mem_stats", "mem_list", "mem_read", "mem_do");

    @TempDir
    Path root;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    private ServerLaunch.Connection connect(ServerLaunch launch) {
        return launch.connect(progress::add, stderr);
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    private static String ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + text(result));
        return text(result);
    }

    @Test
    void handshakeNamesTheServerAndDescribesTheTools() {
        try (ServerLaunch.Connection connection = connect(new ServerLaunch(root))) {
            McpSyncClient client = connection.client();
            McpSchema.InitializeResult init = client.getCurrentInitializationResult();
            assertEquals("memtomem", init.serverInfo().name());
            assertEquals(Version.current(), init.serverInfo().version());
            for (String tool : CORE_TOOLS) {
                assertTrue(init.instructions().contains("- " + tool + ": "), () -> tool + ": " + init.instructions());
            }
            assertFalse(Files.exists(root.resolve("home/.memtomem")), "initialize must not create the store");
        }
    }

    @Test
    void anExistingStoreIsOpenedRightAfterInitializeBeforeAnyToolCall() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        try (ServerLaunch.Connection connection = connect(launch)) {
            ok(connection.client(), "mem_add", Map.of("content", "A store for the next server to warm."));
        }
        Path log = launch.home.resolve(".memtomem/logs/server.log");
        long opensBefore = storeOpens(log);
        try (ServerLaunch.Connection ignored = connect(launch)) {
            long deadline = System.nanoTime() + ServerLaunch.TIMEOUT.toNanos();
            while (storeOpens(log) == opensBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(opensBefore + 1, storeOpens(log), "initialized, no tool called: the store is opened anyway");
        }
    }

    private static long storeOpens(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(" opened in ")).count();
    }

    @Test
    void coreModeListsTheNineToolsAndFullModeTheActionsToo() {
        try (ServerLaunch.Connection connection = connect(new ServerLaunch(root.resolve("core")))) {
            McpSyncClient client = connection.client();
            assertEquals(CORE_TOOLS, client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
        }
        ServerLaunch full = new ServerLaunch(root.resolve("full")).env("MEMTOMEM_TOOL_MODE", "full");
        try (ServerLaunch.Connection connection = connect(full)) {
            McpSyncClient client = connection.client();
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.size() > CORE_TOOLS.size() && names.containsAll(CORE_TOOLS), names::toString);
            assertTrue(names.contains("mem_edit") && names.contains("mem_tag_list"), names::toString);
            assertTrue(client.getCurrentInitializationResult().instructions().contains("- mem_edit: "));
        }
    }

    @Test
    void everyCoreToolAnswers() throws IOException {
        ServerLaunch launch = new ServerLaunch(root);
        Path notes = Files.createDirectories(launch.home.resolve(".memtomem/memories/notes"));
        Files.writeString(notes.resolve("kafka.md"), "## Kafka\nPartitions keep order per key.\n");
        try (ServerLaunch.Connection connection = connect(launch)) {
            McpSyncClient client = connection.client();
            assertTrue(ok(client, "mem_add", Map.of("title", "Redis", "content", "Redis evicts with allkeys-lru."))
                    .startsWith("Memory added to "));
            assertTrue(ok(client, "mem_index", Map.of("path", notes.toString())).startsWith("Indexing complete:"));
            String found = ok(client, "mem_search", Map.of("query", "allkeys-lru", "format", "json"));
            String chunkId = found.replaceAll("(?s).*\"chunk_id\":\"([^\"]+)\".*", "$1");
            assertTrue(ok(client, "mem_read", Map.of("chunk_id", chunkId)).startsWith("## Chunk " + chunkId));
            assertTrue(ok(client, "mem_recall", Map.of()).startsWith("Found 2 memories"));
            assertTrue(ok(client, "mem_status", Map.of()).contains(launch.home.toString()));
            assertTrue(ok(client, "mem_stats", Map.of()).contains("- Total sources: 2"));
            assertTrue(ok(client, "mem_list", Map.of()).startsWith("Indexed files: 2"));
            assertTrue(ok(client, "mem_do", Map.of("action", "tag_list")).startsWith("No tags."));
        }
        List<String> log = Files.readAllLines(launch.home.resolve(".memtomem/logs/server.log"));
        assertTrue(log.stream().anyMatch(line -> line.contains("Client initialize request")),
                () -> "lines logged before the store existed are kept: " + log);
        assertTrue(log.stream().allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z .*")),
                () -> "every line is time-stamped: " + log);
    }

    @Test
    void resourcesAreListedWithoutOpeningTheStoreAndReadAsJson() {
        ServerLaunch launch = new ServerLaunch(root);
        try (ServerLaunch.Connection connection = connect(launch)) {
            McpSyncClient client = connection.client();
            assertEquals(List.of("memtomem://namespaces", "memtomem://sources", "memtomem://stats", "memtomem://tags"),
                    client.listResources().resources().stream().map(McpSchema.Resource::uri).sorted().toList());
            assertEquals(List.of("memtomem://chunks/{chunk_id}"), client.listResourceTemplates().resourceTemplates()
                    .stream().map(McpSchema.ResourceTemplate::uriTemplate).toList());
            assertFalse(Files.exists(launch.home.resolve(".memtomem")), "listing resources must not create the store");

            ok(client, "mem_add", Map.of("title", "Resources", "content", "Served as a resource.", "tags",
                    List.of("res")));
            assertEquals("{\"total_chunks\":1,\"total_sources\":1}", readResource(client, "memtomem://stats"));
            assertEquals("[{\"tag\":\"res\",\"chunks\":1}]", readResource(client, "memtomem://tags"));
            assertEquals("[{\"namespace\":\"default\",\"chunks\":1}]",
                    readResource(client, "memtomem://namespaces"));
            assertTrue(readResource(client, "memtomem://sources").contains("\"chunks\":1,\"updated\":\""));
            String found = ok(client, "mem_search", Map.of("query", "resource", "format", "json"));
            String chunkId = found.replaceAll("(?s).*\"chunk_id\":\"([^\"]+)\".*", "$1");
            assertTrue(readResource(client, "memtomem://chunks/" + chunkId)
                    .startsWith("{\"id\":\"" + chunkId + "\",\"content\":"));

            String missing = "0b7e2c1e-0000-4000-8000-000000000000";
            McpError notFound = assertThrows(McpError.class, () -> readResource(client, "memtomem://chunks/" + missing));
            assertEquals(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, notFound.getJsonRpcError().code());
            assertEquals("Chunk " + missing + " not found.", notFound.getJsonRpcError().message());
            McpError malformed = assertThrows(McpError.class, () -> readResource(client, "memtomem://chunks/nope"));
            assertEquals(McpSchema.ErrorCodes.INVALID_PARAMS, malformed.getJsonRpcError().code());
            assertEquals(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND,
                    assertThrows(McpError.class, () -> readResource(client, "memtomem://nope"))
                            .getJsonRpcError().code());
            assertEquals("No results found.", ok(client, "mem_search", Map.of("query", "still serving")));
        }
    }

    private static String readResource(McpSyncClient client, String uri) {
        McpSchema.ReadResourceResult result = client.readResource(new McpSchema.ReadResourceRequest(uri));
        McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) result.contents().get(0);
        assertEquals("application/json", contents.mimeType());
        return contents.text();
    }

    @Test
    void indexReportsProgressWhenTheRequestCarriesAToken() throws IOException {
        ServerLaunch launch = new ServerLaunch(root);
        Path notes = Files.createDirectories(launch.home.resolve(".memtomem/memories/notes"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(notes.resolve("note" + i + ".md"), "## Note " + i + "\nSome text " + i + ".\n");
        }
        try (ServerLaunch.Connection connection = connect(launch)) {
            McpSyncClient client = connection.client();
            // the call without a token goes first: once a token was used, a trailing notification of that call
            // could not be told apart from one sent wrongly
            ok(client, "mem_index", Map.of("path", notes.toString()));
            assertEquals(List.of(), progress, "no token, no notifications");
            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("mem_index")
                    .arguments(Map.of("path", notes.toString(), "force", true)).progressToken("index-1").build());
            assertTrue(text(result).contains("- Files scanned: 40"), () -> text(result));
            // the client hands each notification to the consumer on its own thread, so they may trail the result
            // and arrive out of order: compare them by value, not by arrival
            awaitProgress(40.0);
            List<Double> values = progress.stream().map(McpSchema.ProgressNotification::progress).sorted().toList();
            assertEquals(values.size(), values.stream().distinct().count(), () -> "a count was sent twice: " + values);
            assertEquals(40.0, values.get(values.size() - 1));
            for (McpSchema.ProgressNotification notification : progress) {
                assertEquals("index-1", notification.progressToken());
                assertEquals(40.0, notification.total());
            }
        }
    }

    private void awaitProgress(double done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (progress.stream().noneMatch(p -> p.progress() == done)) {
            assertTrue(System.nanoTime() < deadline, () -> "no progress notification reached " + done + ": " + progress);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }

    @Test
    void badRequestsAreAnsweredAndTheServerStaysUp() {
        try (ServerLaunch.Connection connection = connect(new ServerLaunch(root))) {
            McpSyncClient client = connection.client();
            assertThrows(McpError.class, () -> call(client, "mem_nope", Map.of()));
            McpSchema.CallToolResult wrongType = call(client, "mem_search", Map.of("query", "x", "top_k", "ten"));
            assertTrue(wrongType.isError());
            // the tool's own schema answers, saying what to pass (the SDK's JSON-Schema check is off)
            assertTrue(text(wrongType).startsWith("Error: top_k must be"), () -> text(wrongType));
            McpSchema.CallToolResult missing = call(client, "mem_add", Map.of());
            assertTrue(missing.isError());
            assertTrue(text(missing).contains("content"), () -> text(missing));
            McpSchema.CallToolResult unknownAction = call(client, "mem_do", Map.of("action", "serch"));
            assertTrue(unknownAction.isError());
            assertTrue(text(unknownAction).startsWith("Error: unknown action 'serch'."), () -> text(unknownAction));
            assertEquals("No results found.", ok(client, "mem_search", Map.of("query", "still alive")));
        }
    }

    @Test
    void indexingIsLoggedToTheClientAtOrAboveTheLevelItSet() throws Exception {
        ServerLaunch launch = new ServerLaunch(root);
        Path notes = Files.createDirectories(launch.home.resolve(".memtomem/memories/notes"));
        Files.writeString(notes.resolve("kafka.md"), "## Kafka\nPartitions keep order per key.\n");
        List<McpSchema.LoggingMessageNotification> logged = new CopyOnWriteArrayList<>();
        try (ServerLaunch.Connection connection = launch.connect(progress::add, logged::add, stderr)) {
            McpSyncClient client = connection.client();
            client.setLoggingLevel(McpSchema.LoggingLevel.INFO);
            ok(client, "mem_index", Map.of("path", notes.toString()));
            // a log message sent before the reply can be handed to the consumer a moment after it
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (logged.stream().noneMatch(message -> message.data().startsWith("indexing finished: 1 file"))) {
                assertTrue(System.nanoTime() < deadline, () -> "indexing finished in " + logged);
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            assertTrue(logged.stream().anyMatch(message -> message.data().startsWith("indexing started")), logged::toString);
            assertTrue(logged.stream().allMatch(message -> "memtomem".equals(message.logger())
                    && message.level() == McpSchema.LoggingLevel.INFO), logged::toString);
            assertTrue(logged.stream().noneMatch(message -> message.data().contains("Kafka")
                    || message.data().contains(notes.toString())), () -> "request or note text logged: " + logged);

            client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);
            logged.clear();
            ok(client, "mem_index", Map.of("path", notes.toString()));
            client.ping(); // replies are sent in order: anything the index call logged came before this one
            assertEquals(List.of(), logged, "info messages below the warning level the client set");
        }
    }

    @Test
    void storeEventsReachTheClientAsLogMessagesOutsideAnyRequest() throws Exception {
        // an embedding provider nobody answers: the chunk waits for its vector, and embedding fails
        ServerLaunch launch = new ServerLaunch(root).env("MEMTOMEM_EMBEDDING__PROVIDER", "ollama")
                .env("MEMTOMEM_EMBEDDING__BASE_URL", "http://127.0.0.1:9")
                .env("MEMTOMEM_EMBEDDING__MODEL", "nomic-embed-text").env("MEMTOMEM_EMBEDDING__DIMENSION", "768");
        List<McpSchema.LoggingMessageNotification> logged = new CopyOnWriteArrayList<>();
        try (ServerLaunch.Connection connection = launch.connect(progress::add, logged::add, stderr)) {
            McpSyncClient client = connection.client();
            ok(client, "mem_add", Map.of("title", "Vectors", "content", "Waits for a vector that never comes."));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (logged.stream().noneMatch(message -> message.level() == McpSchema.LoggingLevel.NOTICE
                    && message.data().contains("wait for vectors"))
                    || logged.stream().noneMatch(message -> message.level() == McpSchema.LoggingLevel.ERROR
                    && message.data().startsWith("embedding failed: "))) {
                assertTrue(System.nanoTime() < deadline, () -> "pending and failure messages in " + logged);
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            }
            assertTrue(logged.stream().noneMatch(message -> message.data().contains("never comes")), logged::toString);
        }
    }
}
