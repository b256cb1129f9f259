package io.memtomem.core.index;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.Memtomem;
import io.memtomem.core.SharedEval;
import io.memtomem.core.TestStores;
import io.memtomem.core.store.SourceSummary;
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
}
