package io.memtomem.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.Os;
import io.memtomem.server.lifecycle.LazyStore;
import io.memtomem.server.lifecycle.LockOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's tools on a real store in a temporary home, called the way the MCP bridge calls them (schema
 * validation, error mapping) but without a transport.
 */
final class ToolHarness implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final MemtomemConfig config;
    private final LazyStore store;
    private final ServerContext context;
    private final ToolCatalog catalog;
    private final List<MemoryResource> resources;

    ToolHarness(Path home) {
        this(home, Map.of());
    }

    ToolHarness(Path home, Map<String, String> env) {
        this(home, env, home, Os.current(), LockOutcome.HELD);
    }

    /** A server started in {@code cwd} (project-scoped writes look for the project containing it). */
    ToolHarness(Path home, Map<String, String> env, Path cwd) {
        this(home, env, cwd, Os.current(), LockOutcome.HELD);
    }

    /** {@code os}: the platform the pid-file probe sees; {@code lock}: how this server's pid lock went. */
    ToolHarness(Path home, Map<String, String> env, Os os, LockOutcome lock) {
        this(home, env, home, os, lock);
    }

    private ToolHarness(Path home, Map<String, String> env, Path cwd, Os os, LockOutcome lock) {
        this.home = home;
        this.config = MemtomemConfig.load(new Environment(home, env, cwd));
        this.store = new LazyStore(config, () -> { });
        this.context = new ServerContext(config, store, os, ToolMode.FULL, () -> lock);
        this.catalog = ToolCatalog.create(context);
        this.resources = new IndexResources(context).all();
    }

    ToolCatalog catalog() {
        return catalog;
    }

    /** Reads a resource the way the MCP bridge does: the resource whose URI or template prefix matches. */
    String readResource(String uri) {
        MemoryResource resource = resources.stream()
                .filter(r -> r.template() ? uri.startsWith(r.uri().substring(0, r.uri().indexOf('{'))) : r.uri().equals(uri))
                .findFirst().orElseThrow(() -> new AssertionError("no resource " + uri));
        return resource.reader().read(uri);
    }

    List<MemoryResource> resources() {
        return resources;
    }

    /** Any tool of full mode (core tools and mem_&lt;action&gt;). */
    ToolResult call(String tool, Map<String, Object> arguments) {
        return call(tool, arguments, ProgressSink.NONE);
    }

    ToolResult call(String tool, Map<String, Object> arguments, ProgressSink progress) {
        Operation operation = catalog.exposed(ToolMode.FULL).stream().filter(op -> op.name().equals(tool))
                .findFirst().orElseThrow(() -> new AssertionError("no tool " + tool));
        return OperationRunner.run(operation, arguments, progress, context::resultCap);
    }

    /** {@code mem_do(action, params)}. */
    ToolResult action(String action, Map<String, Object> params) {
        return call("mem_do", Map.of("action", action, "params", params));
    }

    String ok(String tool, Map<String, Object> arguments) {
        ToolResult result = call(tool, arguments);
        assertFalse(result.error(), () -> tool + " failed: " + result.text());
        return result.text();
    }

    String okAction(String action, Map<String, Object> params) {
        ToolResult result = action(action, params);
        assertFalse(result.error(), () -> action + " failed: " + result.text());
        return result.text();
    }

    /** Asserts an error result starting with {@code Error: } and returns its text. */
    String error(String tool, Map<String, Object> arguments) {
        return assertError(call(tool, arguments));
    }

    String errorAction(String action, Map<String, Object> params) {
        return assertError(action(action, params));
    }

    private static String assertError(ToolResult result) {
        assertTrue(result.error(), () -> "expected an error, got: " + result.text());
        assertTrue(result.text().startsWith("Error: "), result::text);
        return result.text();
    }

    /** Adds a memory and returns the id of its (only) chunk. */
    String addMemory(String title, String content, List<String> tags) {
        ok("mem_add", Map.of("title", title, "content", content, "tags", tags));
        JsonNode hits = json(ok("mem_search", Map.of("query", content, "output_format", "json"))).get("results");
        for (JsonNode hit : hits) {
            if (hit.get("content").asText().contains(content)) {
                return hit.get("chunk_id").asText();
            }
        }
        throw new AssertionError("added memory not found by search: " + content);
    }

    Path memoryDir() {
        return config.indexing().memoryDirs().get(0);
    }

    Path writeNote(Path dir, String name, String markdown) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
