package io.memtomem.server.tools;

import io.memtomem.server.tools.schema.Param;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mem_add's template, force_unsafe, idempotency_key and allow_namespace_mix, and force_unsafe on edit and batch_add. */
class MemoryAddOptionsTest extends ToolsOnTempStore {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";

    private static Path fileOf(String addResult) {
        return Path.of(addResult.substring("Memory added to ".length(), addResult.indexOf('\n')));
    }

    private Map<String, Object> schemaOf(String param) {
        Param found = MemoryWriteTools.ADD_SCHEMA.params().stream().filter(p -> p.name().equals(param)).findFirst()
                .orElseThrow();
        return found.toJsonSchema();
    }

    @Test
    void schemaDeclaresTheNewParametersWithTheirDefaultsAndLimits() {
        assertEquals(false, schemaOf("force_unsafe").get("default"));
        assertEquals(false, schemaOf("allow_namespace_mix").get("default"));
        assertEquals(256, schemaOf("idempotency_key").get("maxLength"));
        assertTrue(schemaOf("template").get("description").toString().contains("adr, meeting, debug, decision, "
                + "procedure"));
    }

    @Test
    void templateWritesItsHeadingAndLaysOutJsonFields() throws IOException {
        String text = tools.ok("mem_add", Map.of("template", "adr", "title", "Sessions in Redis",
                "content", "{\"status\": \"accepted\", \"decision\": \"Keep sessions in Redis.\"}"));
        String markdown = Files.readString(fileOf(text));
        assertTrue(markdown.contains("## ADR: Sessions in Redis\n\n> created: "), markdown);
        assertTrue(markdown.contains("**Status:** accepted\n\n**Decision:** Keep sessions in Redis.\n"), markdown);
        assertTrue(tools.ok("mem_search", Map.of("query", "sessions Redis")).contains("ADR: Sessions in Redis"));
    }

    @Test
    void templateTakesPlainTextToo() throws IOException {
        String text = tools.ok("mem_add", Map.of("template", "meeting", "title", "Retro", "content",
                "We keep the Friday freeze."));
        assertTrue(Files.readString(fileOf(text)).contains("## Meeting: Retro\n"));
    }

    @Test
    void badTemplatesAreClearErrors() {
        assertEquals("Error: unknown template 'rfc': use one of adr, meeting, debug, decision, procedure",
                tools.error("mem_add", Map.of("template", "rfc", "title", "T", "content", "x")));
        assertTrue(tools.error("mem_add", Map.of("template", "debug", "title", "T", "content", "{\"cause\": \"x\"}"))
                .contains("template debug has no field cause: its fields are title, symptom, root_cause, fix,"));
        assertTrue(tools.error("mem_add", Map.of("template", "adr", "content", "no title"))
                .contains("template adr needs a title"));
        assertTrue(tools.error("mem_add", Map.of("template", 5, "content", "x")).contains("template must be a string"));
    }

    @Test
    void aSecretIsRefusedNamingRuleAndLineWithoutEchoingIt() {
        String error = tools.error("mem_add", Map.of("content", "notes\nkey " + KEY));
        assertEquals("Error: refused by the secret-redaction gate, which flagged content: aws-access-key-id (line 2)."
                + " Remove the secret, or if it is not one retry with force_unsafe=true (mm: --force-unsafe)", error);
        assertTrue(tools.ok("mem_stats", Map.of()).contains("- Total chunks: 0"));
    }

    @Test
    void forceUnsafeWritesAndSaysWhatItLetThrough() {
        String text = tools.ok("mem_add", Map.of("content", "key " + KEY, "force_unsafe", true));
        assertTrue(text.endsWith("\n- Redaction gate bypassed (force_unsafe, audit-logged): content: "
                + "aws-access-key-id (line 1)"), text);
        assertTrue(tools.error("mem_add", Map.of("content", "x", "force_unsafe", "yes"))
                .contains("force_unsafe must be true or false"));
    }

    @Test
    void forceUnsafeIsRefusedForProjectSharedMemory() throws IOException {
        Path shared = Files.createDirectories(home.resolve("proj/.memtomem/memories"));
        tools.close();
        tools = new ToolHarness(home, Map.of("MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "[\"" + shared + "\"]"));
        String error = tools.error("mem_add", Map.of("content", "key " + KEY, "force_unsafe", true,
                "file", shared.resolve("team.md").toString()));
        assertTrue(error.startsWith("Error: force_unsafe is never allowed for project_shared memory"), error);
        assertFalse(Files.exists(shared.resolve("team.md")));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResultAndWritesNothing() throws IOException {
        Map<String, Object> call = Map.of("content", "Retry-safe note.", "idempotency_key", "req-42");
        String first = tools.ok("mem_add", call);
        String markdown = Files.readString(fileOf(first));
        String again = tools.ok("mem_add", call);
        assertFalse(first.contains("Replayed"), first);
        assertTrue(again.startsWith(first + "\n- Replayed: this idempotency_key was first used at "), again);
        assertTrue(again.endsWith("; nothing new was written"), again);
        assertEquals(markdown, Files.readString(fileOf(first)));
        assertTrue(tools.error("mem_add", Map.of("content", "x", "idempotency_key", "k".repeat(257)))
                .contains("idempotency_key is too long"));
    }

    @Test
    void namespaceMixIsRefusedUnlessAllowed() {
        tools.ok("mem_add", Map.of("content", "mine", "namespace", "personal", "file", "shared.md"));
        String error = tools.error("mem_add", Map.of("content", "theirs", "namespace", "work", "file", "shared.md"));
        assertTrue(error.contains("already holds namespace personal, not work")
                && error.contains("allow_namespace_mix=true"), error);
        String mixed = tools.ok("mem_add", Map.of("content", "theirs", "namespace", "work", "file", "shared.md",
                "allow_namespace_mix", true));
        assertTrue(mixed.contains("- Namespace: work"), mixed);
        assertTrue(tools.error("mem_add", Map.of("content", "x", "allow_namespace_mix", 1))
                .contains("allow_namespace_mix must be true or false"));
    }

    @Test
    void editAndBatchAddAreGatedAndTakeForceUnsafe() {
        String id = tools.addMemory("Cache", "The cache TTL is 30 seconds.", List.of());
        assertTrue(tools.errorAction("edit", Map.of("chunk_id", id, "content", "password: hunter22!"))
                .contains("flagged new_content: labelled-secret (line 1)"));
        assertTrue(tools.okAction("edit", Map.of("chunk_id", id, "content", "password: hunter22!",
                "force_unsafe", true)).startsWith("Memory edited in "));

        List<Map<String, Object>> entries = List.of(Map.of("key", "Creds", "value", "key " + KEY));
        assertTrue(tools.errorAction("batch_add", Map.of("entries", entries))
                .contains("flagged entries[0].content: aws-access-key-id (line 1)"));
        assertTrue(tools.okAction("batch_add", Map.of("entries", entries, "force_unsafe", true))
                .contains("- Redaction gate bypassed (force_unsafe, audit-logged): entries[0].content"));
    }
}
