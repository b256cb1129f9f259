package io.memtomem.core.index;

import static io.memtomem.core.TestStores.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.TestStores;
import io.memtomem.core.store.SourceSummary;
import io.memtomem.core.store.StoredChunk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
    private static final String LONG = "Long enough body text to stay a chunk of its own after the short chunk merge. "
            .repeat(20);

    @TempDir
    Path home;
    Path notes;
    Memtomem memtomem;

    @BeforeEach
    void open() {
        notes = home.resolve("notes");
        memtomem = Memtomem.open(TestStores.withNotes(home), Clock.fixed(Instant.parse("2026-03-30T01:02:03Z"),
                ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        memtomem.close();
    }

    private IndexResult index(Path path) {
        return memtomem.index(new IndexRequest(path, true, false, null), null);
    }

    private static String sections(String... titles) {
        return Stream.of(titles).map(t -> "## " + t + "\n\n" + t + " " + LONG + "\n").collect(Collectors.joining("\n"));
    }

    private List<StoredChunk> chunksOf(Path file) {
        return memtomem.listSources(file.toString(), null).isEmpty() ? List.of()
                : memtomem.recall(new io.memtomem.core.search.RecallRequest(null, null, "*", file.toString(), null,
                500)).chunks().stream().sorted(Comparator.comparingInt(StoredChunk::startLine)).toList();
    }

    private Map<String, String> idsByHash(Path file) {
        return chunksOf(file).stream().collect(Collectors.toMap(StoredChunk::contentHash, StoredChunk::id));
    }

    @Test
    void indexesMarkdownFilesAndReportsCounts() {
        write(notes.resolve("a.md"), sections("Alpha", "Beta"));
        write(notes.resolve("sub/b.md"), sections("Gamma"));
        IndexResult result = index(notes);
        assertEquals(2, result.filesScanned());
        assertEquals(3, result.totalChunks());
        assertEquals(3, result.indexed());
        assertEquals(0, result.unchanged());
        assertTrue(result.errors().isEmpty());
    }

    @Test
    void reindexingUnchangedFilesKeepsIdsAndWritesNothing() {
        Path file = write(notes.resolve("a.md"), sections("Alpha", "Beta"));
        index(notes);
        List<StoredChunk> before = chunksOf(file);
        IndexResult again = index(notes);
        assertEquals(0, again.indexed());
        assertEquals(2, again.unchanged());
        assertEquals(before, chunksOf(file));
    }

    @Test
    void aChangedSectionIsReplacedWhileOthersKeepTheirIds() {
        Path file = write(notes.resolve("a.md"), sections("Alpha", "Beta"));
        index(notes);
        Map<String, String> before = idsByHash(file);
        write(file, sections("Alpha", "Delta"));
        IndexResult result = index(notes);
        assertEquals(1, result.indexed());
        assertEquals(1, result.unchanged());
        assertEquals(1, result.deleted());
        Map<String, String> after = idsByHash(file);
        long kept = after.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
        assertEquals(1, kept);
    }

    @Test
    void aHeadingChangeWithSameBodyKeepsTheIdAndUpdatesTheHierarchy() {
        Path file = write(notes.resolve("a.md"), "# Top\n\n" + sections("Alpha"));
        index(notes);
        StoredChunk before = chunksOf(file).get(0);
        write(file, "# Renamed\n\n" + sections("Alpha"));
        IndexResult result = index(notes);
        StoredChunk after = chunksOf(file).get(0);
        assertEquals(before.id(), after.id());
        assertEquals(List.of("# Renamed", "## Alpha"), after.hierarchy());
        assertEquals(1, result.indexed());
    }

    @Test
    void movedTextKeepsIdsAndRefreshesLineNumbers() {
        Path file = write(notes.resolve("a.md"), sections("Alpha", "Beta"));
        index(notes);
        Map<String, String> before = idsByHash(file);
        write(file, sections("Zeta", "Alpha", "Beta"));
        index(notes);
        Map<String, String> after = idsByHash(file);
        before.forEach((hash, id) -> assertEquals(id, after.get(hash)));
        assertTrue(chunksOf(file).stream().noneMatch(c -> c.startLine() < 1));
    }

    @Test
    void duplicateSectionsAreMatchedOneToOneEvenWhenTheyTradeLines() {
        Path file = write(notes.resolve("a.md"), sections("Same") + "\n" + sections("Same"));
        IndexResult first = index(notes);
        assertEquals(2, first.totalChunks());
        write(file, sections("Other") + "\n" + sections("Same") + "\n" + sections("Same"));
        IndexResult second = index(notes);
        assertEquals(3, second.totalChunks());
        assertEquals(1, second.indexed());
        assertEquals(3, chunksOf(file).size());
    }

    @Test
    void forceRewritesEveryChunkButKeepsIds() {
        Path file = write(notes.resolve("a.md"), sections("Alpha", "Beta"));
        index(notes);
        Map<String, String> before = idsByHash(file);
        IndexResult forced = memtomem.index(new IndexRequest(notes, true, true, null), null);
        assertEquals(2, forced.indexed());
        assertEquals(before, idsByHash(file));
    }

    @Test
    void changedTagsReachTheIndexEvenThoughTheContentHashIsTheSame() {
        Path file = write(notes.resolve("a.md"), "## Alpha\n\n> tags: [\"one\"]\n\n" + LONG + "\n");
        index(notes);
        write(file, "## Alpha\n\n> tags: [\"one\", \"two\"]\n\n" + LONG + "\n");
        assertEquals(1, index(notes).indexed());
        assertEquals(List.of("one", "two"), chunksOf(file).get(0).tags());
    }

    @Test
    void namespaceIsExplicitThenStoredThenDefault() {
        Path file = write(notes.resolve("a.md"), sections("Alpha"));
        memtomem.index(new IndexRequest(file, true, false, "work"), null);
        assertEquals("work", chunksOf(file).get(0).namespace());
        write(file, sections("Alpha", "Beta"));
        index(notes);
        assertTrue(chunksOf(file).stream().allMatch(c -> c.namespace().equals("work")), "stored namespace kept");
        Path other = write(notes.resolve("b.md"), sections("Gamma"));
        index(notes);
        assertEquals("default", chunksOf(other).get(0).namespace());
        memtomem.index(new IndexRequest(file, false, false, "personal"), null);
        assertTrue(chunksOf(file).stream().allMatch(c -> c.namespace().equals("personal")));
    }

    @Test
    void anInvalidNamespaceIsRejected() {
        write(notes.resolve("a.md"), sections("Alpha"));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> memtomem.index(new IndexRequest(notes, true, false, "bad\u0001ns"), null));
        assertEquals("namespace", error.parameter());
    }

    @Test
    void aVanishedFileLosesItsChunksWhenReindexed() throws IOException {
        Path file = write(notes.resolve("a.md"), sections("Alpha"));
        index(notes);
        Files.delete(file);
        IndexResult result = memtomem.index(new IndexRequest(file, false, false, null), null);
        assertEquals(1, result.deleted());
        assertTrue(memtomem.listSources(null, null).isEmpty());
    }

    @Test
    void aDirectoryIndexDropsSourcesThatVanishedOrBecameDirectoriesOrSymlinks() throws IOException {
        Path gone = write(notes.resolve("gone.md"), sections("Gone"));
        Path nowDir = write(notes.resolve("sub/now-dir.md"), sections("Dir"));
        Path nowLink = write(notes.resolve("now-link.md"), sections("Link"));
        Path kept = write(notes.resolve("kept.md"), sections("Kept"));
        index(notes);
        Files.delete(gone);
        Files.delete(nowDir);
        Files.createDirectories(nowDir);
        Files.delete(nowLink);
        Files.createSymbolicLink(nowLink, kept);

        IndexResult result = index(notes);

        assertEquals(3, result.sourcesRemoved());
        assertEquals(3, result.deleted());
        assertEquals(List.of(kept), memtomem.listSources(null, null).stream().map(SourceSummary::source).toList());
    }

    @Test
    void anIndexRunOverAMemoryDirDropsTheOutsideTargetsOfLinksInIt() throws IOException {
        Path outside = write(home.resolve("elsewhere/outside.md"), sections("Outside"));
        Path link = Files.createSymbolicLink(Files.createDirectories(notes).resolve("link.md"), outside);
        Path kept = write(notes.resolve("kept.md"), sections("Kept"));
        memtomem.index(new IndexRequest(link, false, false, null), null); // as the watcher used to follow it
        assertEquals(1, memtomem.listSources(outside.toString(), null).size());

        IndexResult result = index(notes);

        assertEquals(1, result.sourcesRemoved());
        assertEquals(List.of(kept), memtomem.listSources(null, null).stream().map(SourceSummary::source).toList());
        assertEquals(0, index(home.resolve("elsewhere")).sourcesRemoved(), "mm index of the outside dir itself");
        assertEquals(1, memtomem.listSources(outside.toString(), null).size());
    }

    @Test
    void aNonRecursiveIndexDropsOnlyVanishedSourcesDirectlyInside() throws IOException {
        Path top = write(notes.resolve("top.md"), sections("Top"));
        Path deep = write(notes.resolve("sub/deep.md"), sections("Deep"));
        index(notes);
        Files.delete(top);
        Files.delete(deep);
        assertEquals(1, memtomem.index(new IndexRequest(notes, false, false, null), null).sourcesRemoved());
        assertEquals(List.of(deep), memtomem.listSources(null, null).stream().map(SourceSummary::source).toList());
    }

    @Test
    void indexingADeletedSubdirectoryDropsTheSourcesThatWereUnderIt() throws IOException {
        Path a = write(notes.resolve("old/a.md"), sections("Alpha"));
        Path b = write(notes.resolve("old/deeper/b.md"), sections("Beta"));
        Path kept = write(notes.resolve("kept.md"), sections("Kept"));
        index(notes);
        Files.delete(b);
        Files.delete(notes.resolve("old/deeper"));
        Files.delete(a);
        Files.delete(notes.resolve("old"));
        IndexResult result = index(notes.resolve("old"));
        assertEquals(2, result.sourcesRemoved());
        assertEquals(List.of(kept), memtomem.listSources(null, null).stream().map(SourceSummary::source).toList());
    }

    @Test
    void aVanishedFileIsKeptWhenItsWholeMemoryDirVanished() throws IOException {
        Path file = write(notes.resolve("a.md"), sections("Alpha"));
        index(notes);
        Files.delete(file);
        Files.delete(notes);
        IndexResult result = memtomem.index(new IndexRequest(file, false, false, null), null);
        assertEquals(0, result.deleted());
        assertEquals(1, memtomem.listSources(null, null).size());
        assertEquals(1, memtomem.stats().orphanedSources());
    }

    @Test
    void indexingADeletedMemoryDirIsAnInvalidPathNotACrash() throws IOException {
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> index(notes));
        assertEquals("path", error.parameter());
        assertTrue(error.getMessage().contains("does not exist"));
    }

    @Test
    void binaryAndOversizedFilesAreSkippedAndCounted() throws IOException {
        write(notes.resolve("ok.md"), sections("Alpha"));
        write(notes.resolve("binary.md"), "## Head\n\nbody\u0000more\n");
        Path big = notes.resolve("big.md");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "## big\n".repeat(1000).getBytes();
            for (long written = 0; written <= FileContent.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }
        IndexResult result = index(notes);
        assertEquals(3, result.filesScanned());
        assertEquals(2, result.filesSkipped());
        assertEquals(1, result.totalChunks());
        assertTrue(result.errors().stream().anyMatch(e -> e.contains("binary")), result.errors().toString());
        assertTrue(result.errors().stream().anyMatch(e -> e.contains("10 MB")), result.errors().toString());
    }

    @Test
    void invalidUtf8BytesAreReplacedInsteadOfFailingTheFile() throws IOException {
        Files.createDirectories(notes);
        byte[] text = ("## Latin\n\ncaf\u00e9 " + LONG).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(notes.resolve("latin1.md"), text);
        IndexResult result = index(notes);
        assertEquals(1, result.totalChunks());
        assertTrue(result.errors().isEmpty());
        assertTrue(memtomem.search(io.memtomem.core.search.SearchRequest.of("Latin")).hits().get(0).content()
                .contains("caf\uFFFD"));
    }

    @Test
    void aDirectoryNamedLikeAMarkdownFileIsIgnored() throws IOException {
        Files.createDirectories(notes.resolve("folder.md"));
        write(notes.resolve("folder.md/inner.md"), sections("Inner"));
        IndexResult result = index(notes);
        assertEquals(1, result.filesScanned());
        assertTrue(result.errors().isEmpty());
        IndexResult direct = memtomem.index(new IndexRequest(notes.resolve("folder.md"), false, false, null), null);
        assertEquals(1, direct.filesScanned());
    }

    @Test
    void toolDirectoriesAndSecretFilesAreNeverIndexed() {
        write(notes.resolve("keep.md"), sections("Keep"));
        write(notes.resolve(".git/x.md"), sections("Git"));
        write(notes.resolve("node_modules/y.md"), sections("Node"));
        write(notes.resolve("pkg.egg-info/z.md"), sections("Egg"));
        write(notes.resolve("credentials.json"), "{\"token\": \"x\"}");
        write(notes.resolve("session.meta.json"), "{\"a\": 1}");
        write(notes.resolve("image.png"), "not text");
        IndexResult result = index(notes);
        assertEquals(1, result.filesScanned());
        assertEquals(List.of(notes.resolve("keep.md")),
                memtomem.listSources(null, null).stream().map(SourceSummary::source).toList());
    }

    @Test
    void userExcludePatternsAreGitignoreStyleAndCaseInsensitive() {
        memtomem.close();
        memtomem = Memtomem.open(TestStores.notesBuilder(home)
                .excludePatterns("drafts/", "*.PRIVATE.md", "/top.md").build());
        write(notes.resolve("keep.md"), sections("Keep"));
        write(notes.resolve("Drafts/one.md"), sections("Draft"));
        write(notes.resolve("deep/x.private.md"), sections("Private"));
        write(notes.resolve("top.md"), sections("Top"));
        write(notes.resolve("deep/top.md"), sections("Deep top"));
        index(notes);
        List<Path> sources = memtomem.listSources(null, null).stream().map(SourceSummary::source).toList();
        assertEquals(List.of(notes.resolve("deep/top.md"), notes.resolve("keep.md")), sources);
    }

    @Test
    void nonRecursiveIndexingStaysInTheTopDirectory() {
        write(notes.resolve("a.md"), sections("Alpha"));
        write(notes.resolve("sub/b.md"), sections("Beta"));
        IndexResult result = memtomem.index(new IndexRequest(notes, false, false, null), null);
        assertEquals(1, result.filesScanned());
    }

    @Test
    void progressIsReportedAfterEveryFileInSortedOrder() {
        write(notes.resolve("b.md"), sections("Beta"));
        write(notes.resolve("a.md"), sections("Alpha"));
        write(notes.resolve("c.md"), "binary\u0000");
        List<IndexProgress> events = new ArrayList<>();
        memtomem.index(new IndexRequest(notes, true, false, null), events::add);
        assertEquals(List.of(1, 2, 3), events.stream().map(IndexProgress::filesDone).toList());
        assertTrue(events.stream().allMatch(e -> e.filesTotal() == 3));
        assertEquals(List.of(notes.resolve("a.md"), notes.resolve("b.md"), notes.resolve("c.md")),
                events.stream().map(IndexProgress::currentFile).toList());
        IndexProgress last = events.get(2);
        assertEquals(2, last.chunksIndexed());
        assertEquals(1, last.filesSkipped());
    }

    @Test
    void anEmptiedFileLosesItsChunks() {
        Path file = write(notes.resolve("a.md"), sections("Alpha"));
        index(notes);
        write(file, "");
        IndexResult result = index(notes);
        assertEquals(1, result.deleted());
        assertEquals(0, result.totalChunks());
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectoryAndSymlinksToTheRealFile() throws IOException {
        Path file = write(notes.resolve("a.md"), sections("Alpha"));
        Path link = Files.createSymbolicLink(home.resolve("link"), notes);
        memtomem.index(new IndexRequest(Path.of("link"), true, false, null), null);
        assertEquals(List.of(file), memtomem.listSources(null, null).stream().map(SourceSummary::source).toList());
        assertNotEquals(link, notes);
        Function<Path, Integer> reindex = f -> memtomem.listSources(f.toString(), null).size();
        assertEquals(1, reindex.apply(file));
        assertFalse(memtomem.listSources(null, null).isEmpty());
    }

    @Test
    void cancelledIndexStopsAtAFileBoundaryWithEveryDoneFileWholeAndTheRestUntouched() {
        int total = 300; // more than one write batch (256 files)
        for (int i = 0; i < total; i++) {
            write(notes.resolve(String.format("f%03d.md", i)), sections("One " + i, "Two " + i));
        }
        List<Path> reported = new ArrayList<>();
        // cancelled once the first batch is committed and reported
        IndexCancelledException stopped = assertThrows(IndexCancelledException.class, () -> memtomem.index(
                new IndexRequest(notes, true, false, null), progress -> reported.add(progress.currentFile()),
                () -> !reported.isEmpty()));
        int done = stopped.partial().filesScanned();
        assertTrue(done > 0 && done < total, "stopped after " + done + " of " + total);
        assertEquals(done, reported.size());
        assertEquals(done, memtomem.listSources(null, null).size(), "only the files reported done are indexed");
        for (Path file : reported) {
            assertEquals(2, chunksOf(file).size(), file + " is indexed whole");
        }
        assertEquals(total, index(notes).filesScanned(), "a later run finishes the rest");
        assertEquals(total, memtomem.listSources(null, null).size());
    }

    @Test
    void anIndexCancelledBeforeItsFirstCommitWritesNothing() {
        for (int i = 0; i < 20; i++) {
            write(notes.resolve("g" + i + ".md"), sections("Only " + i));
        }
        int[] asked = {0};
        IndexCancelledException stopped = assertThrows(IndexCancelledException.class, () -> memtomem.index(
                new IndexRequest(notes, true, false, null), null, () -> ++asked[0] > 5));
        assertEquals(0, stopped.partial().filesScanned());
        assertEquals(List.of(), memtomem.listSources(null, null));
    }
}
