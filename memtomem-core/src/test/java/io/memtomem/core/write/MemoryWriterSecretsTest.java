package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static io.memtomem.core.write.WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The redaction gate before writes (memory-core.md §4.4) and the namespace-mix refusal with its override (§1.2). */
class MemoryWriterSecretsTest {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final AddOptions FORCE = new AddOptions(true, false, null);

    @TempDir
    Path home;
    Path dayFile;
    ChunkedIndex index;
    MemoryWriter writer;

    @BeforeEach
    void setUp() {
        dayFile = home.resolve(".memtomem/memories/2026-03-30.md");
        index = new ChunkedIndex();
        writer = new MemoryWriter(config(home), index, index, CLOCK);
    }

    @Test
    void addRefusesASecretNamingRuleAndLineWithoutEchoingItAndWritesNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.add(AddRequest.of("deploy notes\nkey " + KEY + "\n")));
        assertEquals("content", e.parameter());
        assertEquals("refused by the secret-redaction gate, which flagged content: aws-access-key-id (line 2). Remove "
                + "the secret, or if it is not one retry with force_unsafe=true (mm: --force-unsafe)", e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
        assertFalse(Files.exists(dayFile));
    }

    @Test
    void forceUnsafeWritesTheEntryAndReportsWhatItLetThrough() throws Exception {
        AddResult result = writer.add(AddRequest.of("key " + KEY), FORCE);
        assertEquals("content: aws-access-key-id (line 1)", result.bypassedSecrets());
        assertTrue(read(dayFile).contains(KEY));
    }

    @Test
    void cleanEntryAndNearMissProseAreWrittenWithNothingToReport() {
        AddResult result = writer.add(AddRequest.of("the password: field is required on the login form"));
        assertNull(result.bypassedSecrets());
        assertEquals(1, result.chunksIndexed());
    }

    @Test
    void namespaceAndFileAreGatedBeforeTheyBecomeFileNames() throws Exception {
        String token = "ghp_" + "aB3".repeat(12);
        assertEquals("namespace", assertThrows(InvalidInputException.class, () -> writer.add(
                new AddRequest("body", null, List.of(), token, null))).parameter());
        assertEquals("file", assertThrows(InvalidInputException.class, () -> writer.add(
                new AddRequest("body", null, List.of(), null, "notes-" + token + ".md"))).parameter());
        try (var files = Files.walk(home)) {
            assertFalse(files.anyMatch(path -> path.toString().contains(token)), "no file is named after the token");
        }
    }

    @Test
    void titleAndTagsAreGatedToo() {
        assertEquals("title", assertThrows(InvalidInputException.class, () -> writer.add(
                new AddRequest("body", "token=abc123def456", List.of(), null, null))).parameter());
        assertEquals("tags", assertThrows(InvalidInputException.class, () -> writer.add(
                new AddRequest("body", null, List.of("ok", KEY), null, null))).parameter());
    }

    @Test
    void batchNamesTheEntryHoldingTheSecretAndForceUnsafeWritesTheBatch() throws Exception {
        List<AddRequest> entries = List.of(AddRequest.of("fine"), AddRequest.of("also fine\n" + KEY));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.batchAdd(new BatchAddRequest(entries, null, null)));
        assertTrue(e.getMessage().contains("flagged entries[1].content: aws-access-key-id (line 2)"), e.getMessage());
        assertFalse(Files.exists(dayFile));

        AddResult forced = writer.batchAdd(new BatchAddRequest(entries, null, null, true, false));
        assertEquals("entries[1].content: aws-access-key-id (line 2)", forced.bypassedSecrets());
        assertTrue(read(dayFile).contains(KEY));
    }

    @Test
    void editRefusesASecretInTheNewTextUnlessForced() throws Exception {
        writer.add(new AddRequest("old body", "Note", List.of(), null, null));
        String id = index.chunkUnder(dayFile, "## Note").id();
        String before = read(dayFile);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.edit(id, "password: hunter22!", null));
        assertTrue(e.getMessage().contains("new_content: labelled-secret (line 1)"), e.getMessage());
        assertEquals(before, read(dayFile));

        writer.edit(id, "password: hunter22!", null, true);
        assertTrue(read(dayFile).contains("password: hunter22!"));
    }

    @Test
    void appendingToAFileThatDocumentsPatternsWaivesOnlyTheLabelRules() throws Exception {
        Path reference = home.resolve(".memtomem/memories/config-reference.md");
        write(reference, "---\nredaction: documents-patterns\n---\n# Config keys\n");

        writer.add(new AddRequest("password: hunter22!", "Example", List.of(), null, "config-reference.md"));
        assertTrue(read(reference).contains("password: hunter22!"));
        assertThrows(InvalidInputException.class, () -> writer.add(
                new AddRequest("key " + KEY, "Token", List.of(), null, "config-reference.md")));
    }

    @Test
    void forceUnsafeIsNeverAllowedForProjectSharedMemoryButIsForProjectLocal() throws Exception {
        Path shared = home.resolve("proj/.memtomem/memories");
        Path local = home.resolve("proj/.memtomem/memories.local");
        Files.createDirectories(shared);
        Files.createDirectories(local);
        MemtomemConfig config = MemtomemConfig.load(new Environment(home, Map.of(
                "MEMTOMEM_INDEXING__PROJECT_MEMORY_DIRS", "[\"" + shared + "\", \"" + local + "\"]"),
                Files.createDirectories(home.resolve("proj/src"))));
        MemoryWriter projectWriter = new MemoryWriter(config, index, index, CLOCK);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> projectWriter.add(
                new AddRequest("key " + KEY, "T", List.of(), null, shared.resolve("n.md").toString()), FORCE));
        assertEquals("force_unsafe", e.parameter());
        assertEquals("force_unsafe is never allowed for project_shared memory (" + shared.toRealPath().resolve("n.md")
                + " is shared through git): drop it, and keep secrets out of the text", e.getMessage());
        assertThrows(InvalidInputException.class, () -> projectWriter.add(
                new AddRequest("clean text", "T", List.of(), null, shared.resolve("n.md").toString()), FORCE));
        assertEquals("force_unsafe", assertThrows(InvalidInputException.class, () -> projectWriter.add(
                new AddRequest("clean text", "T", List.of(), null, null, null, "project_shared"),
                new AddOptions(true, false, null, true))).parameter());
        assertFalse(Files.exists(shared.resolve("n.md")));
        assertEquals(1, projectWriter.add(new AddRequest("clean text", "T", List.of(), null,
                shared.resolve("n.md").toString())).chunksIndexed());

        AddResult forced = projectWriter.add(
                new AddRequest("key " + KEY, "T", List.of(), null, local.resolve("n.md").toString()), FORCE);
        assertEquals("content: aws-access-key-id (line 1)", forced.bypassedSecrets());
    }

    @Test
    void anotherNamespaceIsRefusedWithTheOverrideNamedAndAllowedWithIt() throws Exception {
        Path shared = writer.add(new AddRequest("mine", "A", List.of(), "personal", "shared.md")).file();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("theirs", "B", List.of(), "work", "shared.md")));
        assertTrue(e.getMessage().startsWith(shared + " already holds namespace personal, not work: "), e.getMessage());
        assertTrue(e.getMessage().contains("allow_namespace_mix=true"), e.getMessage());

        AddResult mixed = writer.add(new AddRequest("theirs", "B", List.of(), "work", "shared.md"),
                new AddOptions(false, true, null));
        assertEquals("work", mixed.namespace());
        assertTrue(read(shared).contains("theirs"));
        assertEquals(java.util.Set.of("work"), index.namespacesOf(shared)); // one namespace per file, as re-indexed
    }

    @Test
    void batchMayMixNamespacesOnlyWhenAllowed() {
        writer.add(new AddRequest("mine", "A", List.of(), "personal", "shared.md"));
        List<AddRequest> entries = List.of(new AddRequest("theirs", "B", List.of(), null, null));
        assertThrows(InvalidInputException.class,
                () -> writer.batchAdd(new BatchAddRequest(entries, "work", "shared.md")));
        assertEquals("work", writer.batchAdd(new BatchAddRequest(entries, "work", "shared.md", false, true))
                .namespace());
    }
}
