package io.memtomem.core.index;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.SharedEval;
import io.memtomem.core.TestStores;
import io.memtomem.core.search.SearchRequest;
import io.memtomem.core.store.SourceSummary;
import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redaction gate at indexing time (memory-core.md §4.2 step 8, §4.4). */
class IndexRedactionTest {
    private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

    @TempDir
    Path home;
    Path notes;
    Memtomem memtomem;

    @BeforeEach
    void open() {
        notes = home.resolve("notes");
        memtomem = Memtomem.open(TestStores.withNotes(home));
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    private IndexResult index(boolean forceUnsafe) {
        return memtomem.index(new IndexRequest(notes, true, false, null, forceUnsafe), null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> indexedFiles() {
        return memtomem.listSources(null, null).stream().map(source -> source.source().getFileName().toString())
                .sorted().toList();
    }

    @Test
    void fileWithASecretIsSkippedAndListedWhileTheOthersIndex() {
        write(notes.resolve("clean.md"), "## Clean\n\nNothing to hide.\n");
        write(notes.resolve("leaky.md"), "## Deploy\n\nkey " + SECRET + "\n");
        IndexResult result = index(false);
        assertEquals(2, result.filesScanned());
        assertEquals(1, result.filesBlocked());
        String blocked = result.blocked().get(0);
        assertTrue(blocked.endsWith("leaky.md: blocked by the redaction gate: aws-access-key-id (line 3)"
                + " (remove the secret; mm index --force-unsafe indexes it anyway)"), blocked);
        assertFalse(blocked.contains(SECRET));
        assertEquals(List.of(), result.errors());
        assertEquals(List.of("clean.md"), indexedFiles());
    }

    @Test
    void forceUnsafeIndexesTheFlaggedFile() {
        write(notes.resolve("leaky.md"), "## Deploy\n\nkey " + SECRET + "\n");
        IndexResult result = index(true);
        assertEquals(0, result.filesBlocked());
        assertEquals(List.of("leaky.md"), indexedFiles());
    }

    @Test
    void aFileThatGainsASecretKeepsItsEarlierChunksUntilFixed() {
        Path file = write(notes.resolve("note.md"), "## Note\n\nfirst version\n");
        index(false);
        write(file, "## Note\n\nsecond version " + SECRET + "\n");
        assertEquals(1, index(false).filesBlocked());
        List<SourceSummary> sources = memtomem.listSources(null, null);
        assertEquals(1, sources.size());
        assertEquals(1, sources.get(0).chunks());
    }

    private boolean searchable(String word) {
        return !memtomem.search(SearchRequest.of(word)).hits().isEmpty();
    }

    private void addTo(Path file, String content, boolean forceUnsafe) {
        memtomem.add(new AddRequest(content, null, List.of(), null, file.toString()),
                new AddOptions(forceUnsafe, false, null));
    }

    @Test
    void aBlockedFileStaysBlockedWhenACleanAddAppendsToIt() {
        Path leaky = write(notes.resolve("leaky.md"), "## Deploy\n\nkey " + SECRET + " for zebracorn\n");
        assertEquals(1, index(false).filesBlocked());

        try {
            addTo(leaky, "A clean note about quokkas.", false);
        } catch (MemtomemException indexingRefused) { // the entry is written; only its re-index is refused
            assertTrue(indexingRefused.getMessage().contains("blocked by the redaction gate"),
                    indexingRefused.getMessage());
            assertFalse(indexingRefused.getMessage().contains(SECRET));
        }

        assertTrue(read(leaky).contains("quokkas"), "the add itself is on disk");
        assertEquals(List.of(), indexedFiles());
        assertFalse(searchable("zebracorn"));
        assertFalse(searchable(SECRET));
    }

    @Test
    void aBlockedFileIsIndexedOnceTheSecretIsGoneOrForced() {
        Path leaky = write(notes.resolve("leaky.md"), "## Deploy\n\nkey " + SECRET + " for zebracorn\n");
        index(false);
        write(leaky, "## Deploy\n\nkey rotated for zebracorn\n");
        assertEquals(0, index(false).filesBlocked());
        assertTrue(searchable("zebracorn"));
    }

    @Test
    void aForcedSecretDoesNotBlockLaterCleanAddsToItsFile() {
        Path file = notes.resolve("forced.md");
        addTo(file, "key " + SECRET + " for zebracorn", true);
        addTo(file, "A clean note about quokkas.", false);
        assertTrue(searchable("quokkas"));
        assertTrue(searchable("zebracorn"));
    }

    @Test
    void aFileIndexedWithForceUnsafeStaysIndexedWhenACleanAddAppendsToIt() {
        Path leaky = write(notes.resolve("leaky.md"), "## Deploy\n\nkey " + SECRET + " for zebracorn\n");
        index(true);
        addTo(leaky, "A clean note about quokkas.", false);
        assertTrue(searchable("quokkas"));
        assertEquals(0, index(false).filesBlocked());
    }

    @Test
    void aNewSecretWrittenByHandNextToAForcedOneIsBlocked() {
        Path leaky = write(notes.resolve("leaky.md"), "## Deploy\n\nkey " + SECRET + " for zebracorn\n");
        index(true);
        write(leaky, read(leaky) + "\n## Other\n\nsecond key AKIAZZZZZZZZZZZZZZZZ here\n");
        assertEquals(1, index(false).filesBlocked());
    }

    @Test
    void documentsPatternsFrontmatterWaivesOnlyTheLabelRules() {
        String exempt = "---\nredaction: documents-patterns\n---\n# Config keys\n\npassword: hunter22!\n";
        write(notes.resolve("labels.md"), exempt);
        write(notes.resolve("tokens.md"), exempt + "\n" + SECRET + "\n");
        IndexResult result = index(false);
        assertEquals(1, result.filesBlocked());
        assertTrue(result.blocked().get(0).contains("tokens.md: blocked by the redaction gate: aws-access-key-id"),
                result.blocked().get(0));
        assertEquals(List.of("labels.md"), indexedFiles());
    }

    @Test
    void evalCorpusIndexesWithNoFileBlocked() {
        Path corpus = SharedEval.locate().resolve("eval/corpus_v2");
        IndexResult result = memtomem.index(new IndexRequest(corpus, true, false, null), null);
        assertEquals(List.of(), result.blocked());
        assertEquals(List.of(), result.errors());
        assertTrue(result.filesScanned() > 40, "files scanned: " + result.filesScanned());
    }

    @Test
    void namespaceThatLooksLikeASecretIsRefusedUnlessForceUnsafe() {
        write(notes.resolve("clean.md"), "## Clean\n\nNothing to hide.\n");
        String token = "ghp_" + "aB3".repeat(12);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> memtomem.index(new IndexRequest(notes, true, false, token, false), null));
        assertEquals("namespace", refused.parameter());
        assertFalse(refused.getMessage().contains(token), refused.getMessage());
        assertEquals(List.of(), indexedFiles());
        assertEquals(1L, memtomem.index(new IndexRequest(notes, true, false, token, true), null).indexed());
        assertEquals(List.of(token), memtomem.listSources(null, null).get(0).namespaces());
    }
}
