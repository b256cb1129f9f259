package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.PathOutsideMemoryDirsException;
import io.memtomem.core.config.MemtomemConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryWriterAddTest {
    private static final String CREATED = "> created: 2026-03-30T01:02:03+00:00\n";

    @TempDir
    Path home;
    Path memories;
    ChunkedIndex index;
    MemoryWriter writer;

    @BeforeEach
    void setUp() {
        memories = home.resolve(".memtomem/memories");
        index = new ChunkedIndex();
        writer = new MemoryWriter(config(home), index, index, CLOCK);
    }

    @Test
    void addAppendsTheEntryToTheUtcDayFileAndIndexesItAtOnce() throws Exception {
        AddResult result = writer.add(new AddRequest("Use pipelining.", "Redis", List.of("redis", "perf"), null, null));

        Path dayFile = memories.resolve("2026-03-30.md");
        assertEquals(new AddResult(dayFile, "default", 1), result);
        assertEquals("\n## Redis\n\n" + CREATED + "> tags: [\"redis\", \"perf\"]\n\nUse pipelining.\n", read(dayFile));
        assertEquals(List.of(dayFile), index.reindexed);
        assertEquals(List.of("perf", "redis"), index.chunkUnder(dayFile, "## Redis").tags());
    }

    @Test
    void laterEntriesAreAppendedAfterEarlierOnesUnchanged() throws Exception {
        writer.add(new AddRequest("first", "One", List.of(), null, null));
        writer.add(new AddRequest("second", "Two", List.of(), null, null));

        assertEquals("\n## One\n\n" + CREATED + "\nfirst\n\n## Two\n\n" + CREATED + "\nsecond\n",
                read(memories.resolve("2026-03-30.md")));
        assertEquals(2, index.chunksOf(memories.resolve("2026-03-30.md")).size());
    }

    @Test
    void dayFileDateIsTheUtcDateWhateverTheClockZone() throws Exception {
        Instant beforeUtcMidnight = Instant.parse("2026-03-29T23:59:59.999Z"); // 08:59:59 on the 30th in Seoul
        MemoryWriter seoul = new MemoryWriter(config(home), index, index,
                Clock.fixed(beforeUtcMidnight, ZoneId.of("Asia/Seoul")));

        AddResult result = seoul.add(AddRequest.of("late note"));

        assertEquals(memories.resolve("2026-03-29.md"), result.file());
        assertTrue(read(result.file()).contains("> created: 2026-03-29T23:59:59+00:00\n"));
        assertTrue(read(result.file()).contains("## Entry 2026-03-29T23:59:59.999+00:00 "));
    }

    @Test
    void atUtcMidnightTheNextDayFileStarts() {
        MemoryWriter atMidnight = new MemoryWriter(config(home), index, index,
                Clock.fixed(Instant.parse("2026-03-30T00:00:00Z"), ZoneId.of("America/Los_Angeles")));

        assertEquals(memories.resolve("2026-03-30.md"), atMidnight.add(AddRequest.of("x")).file());
    }

    @Test
    void namespacedEntryGoesToTheNamespacesOwnDayFileAndIsIndexedWithIt() {
        AddResult result = writer.add(new AddRequest("x", "T", List.of(), "work", null));

        assertEquals(new AddResult(memories.resolve("2026-03-30--work-00e13ed7af55b276.md"), "work", 1), result);
        assertEquals(Set.of("work"), index.namespacesOf(result.file()));
    }

    @Test
    void missingMemoryDirAndItsParentsAreCreated() {
        Path deep = home.resolve("a/b/c/memories");
        MemoryWriter deepWriter = new MemoryWriter(config(home, List.of(deep)), index, index, CLOCK);

        AddResult result = deepWriter.add(AddRequest.of("x"));

        assertEquals(deep.resolve("2026-03-30.md"), result.file());
        assertTrue(Files.isRegularFile(result.file()));
    }

    @Test
    void reindexRunsWhileTheFileIsStillLockedAndAfterTheEntryIsOnDisk() {
        List<String> seen = new ArrayList<>();
        FileReindexer probe = (file, namespace, forceUnsafe, retired) -> {
            try {
                assertTrue(SidecarProbe.heldElsewhere(file.toRealPath()), "re-index ran without the sidecar lock");
                seen.add(read(file));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return 42;
        };
        MemoryWriter probing = new MemoryWriter(config(home), probe, index, CLOCK);

        AddResult result = probing.add(new AddRequest("body", "T", List.of(), null, null));

        assertEquals(42, result.chunksIndexed());
        assertEquals(List.of("\n## T\n\n" + CREATED + "\nbody\n"), seen);
        assertTrue(Files.exists(memories.resolve(".2026-03-30.md.lock")));
    }

    @Test
    void relativeFileResolvesAgainstTheFirstMemoryDir() {
        AddResult result = writer.add(new AddRequest("x", "T", List.of(), null, "projects/alpha.md"));

        assertEquals(memories.resolve("projects/alpha.md"), result.file());
        assertTrue(Files.isRegularFile(result.file()));
    }

    @Test
    void absoluteFileInsideAnyConfiguredMemoryDirIsAccepted() {
        Path second = home.resolve("notes");
        MemoryWriter twoDirs = new MemoryWriter(config(home, List.of(memories, second)), index, index, CLOCK);

        AddResult result = twoDirs.add(new AddRequest("x", "T", List.of(), null, second.resolve("n.md").toString()));

        assertEquals(second.resolve("n.md"), result.file());
    }

    @Test
    void absoluteFileOutsideTheMemoryDirsIsRefusedAndNothingIsWritten() {
        Path outside = home.resolve("elsewhere/n.md");

        PathOutsideMemoryDirsException e = assertThrows(PathOutsideMemoryDirsException.class,
                () -> writer.add(new AddRequest("x", "T", List.of(), null, outside.toString())));

        assertTrue(e.getMessage().startsWith("path is outside configured memory directories"), e.getMessage());
        assertFalse(Files.exists(outside.getParent()));
    }

    @Test
    void dotDotTraversalIsRefusedEvenWhenItWouldStayInside() {
        for (String file : List.of("../escape.md", "sub/../../escape.md", "sub/../inside.md",
                memories.resolve("../escape.md").toString())) {
            assertThrows(PathOutsideMemoryDirsException.class,
                    () -> writer.add(new AddRequest("x", "T", List.of(), null, file)), file);
        }
        assertFalse(Files.exists(home.resolve(".memtomem/escape.md")));
    }

    @Test
    void symlinkLeadingOutOfTheMemoryDirIsRefused() throws Exception {
        Path outside = Files.createDirectories(home.resolve("outside"));
        Files.createDirectories(memories);
        Files.createSymbolicLink(memories.resolve("link"), outside);

        assertThrows(PathOutsideMemoryDirsException.class,
                () -> writer.add(new AddRequest("x", "T", List.of(), null, "link/n.md")));
        assertThrows(PathOutsideMemoryDirsException.class,
                () -> writer.add(new AddRequest("x", "T", List.of(), null, memories.resolve("link/n.md").toString())));
        try (var files = Files.list(outside)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void memoryDirThatIsItselfASymlinkAcceptsWrites() throws Exception {
        Path real = Files.createDirectories(home.resolve("real-notes"));
        Path link = Files.createSymbolicLink(home.resolve("notes-link"), real);
        MemoryWriter linked = new MemoryWriter(config(home, List.of(link)), index, index, CLOCK);

        AddResult result = linked.add(new AddRequest("x", "T", List.of(), null, "n.md"));

        assertEquals(real.resolve("n.md"), result.file()); // the real path, as the store spells sources
        assertTrue(Files.isRegularFile(real.resolve("n.md")));
    }

    @Test
    void danglingSymlinkTargetIsRefused() throws Exception {
        Files.createDirectories(memories);
        Files.createSymbolicLink(memories.resolve("dangling.md"), home.resolve("nowhere/x.md"));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("x", "T", List.of(), null, "dangling.md")));

        assertEquals("file", e.parameter());
        assertFalse(Files.exists(home.resolve("nowhere")));
    }

    @Test
    void directoryTargetIsRefused() throws Exception {
        Files.createDirectories(memories.resolve("sub"));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("x", "T", List.of(), null, "sub")));
        assertEquals("file", e.parameter());
    }

    @Test
    void emptyMemoryDirsIsAConfigErrorNamingTheKey() {
        MemtomemConfig none = config(home, List.of());
        MemoryWriter nowhere = new MemoryWriter(none, index, index, CLOCK);

        MemtomemException e = assertThrows(MemtomemException.class, () -> nowhere.add(AddRequest.of("x")));

        assertTrue(e.getMessage().contains("indexing.memory_dirs"), e.getMessage());
    }

    @Test
    void writingAnotherNamespaceIntoAFileOfOneNamespaceIsRefused() throws Exception {
        Path shared = writer.add(new AddRequest("mine", "A", List.of(), "personal", "shared.md")).file();
        String before = read(shared);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> writer.add(new AddRequest("theirs", "B", List.of(), "work", "shared.md")));

        assertEquals("namespace", e.parameter());
        assertTrue(e.getMessage().contains("personal"), e.getMessage());
        assertEquals(before, read(shared));
    }

    @Test
    void sameOrUnspecifiedNamespaceMayAppendToThatFile() {
        writer.add(new AddRequest("one", "A", List.of(), "personal", "shared.md"));
        writer.add(new AddRequest("two", "B", List.of(), "personal", "shared.md"));

        AddResult third = writer.add(new AddRequest("three", "C", List.of(), null, "shared.md"));

        assertEquals("personal", third.namespace()); // the indexer kept the file's namespace
        assertEquals(3, third.chunksIndexed());
    }

    @Test
    void invalidInputIsRefusedNamingTheParameterAndNothingIsWritten() {
        List<Object[]> cases = List.of(
                new Object[] {"content", new AddRequest("  \n", "T", List.of(), null, null)},
                new Object[] {"content", new AddRequest(null, "T", List.of(), null, null)},
                new Object[] {"content", new AddRequest("a".repeat(100_001), "T", List.of(), null, null)},
                new Object[] {"title", new AddRequest("x", "two\nlines", List.of(), null, null)},
                new Object[] {"tags", new AddRequest("x", "T", List.of("a,b"), null, null)},
                new Object[] {"tags", new AddRequest("x", "T", List.of("a\nb"), null, null)},
                new Object[] {"tags", new AddRequest("x", "T", List.of(" "), null, null)},
                new Object[] {"tags", new AddRequest("x", "T", Arrays.asList("ok", null), null, null)},
                new Object[] {"namespace", new AddRequest("x", "T", List.of(), "n".repeat(129), null)},
                new Object[] {"namespace", new AddRequest("x", "T", List.of(), "bad\u0007ns", null)});
        for (Object[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> writer.add((AddRequest) c[1]));
            assertEquals(c[0], e.parameter(), e.getMessage());
            assertTrue(e.getMessage().startsWith((String) c[0]), e.getMessage());
        }
        assertFalse(Files.exists(memories));
    }

    @Test
    void limitsCountCodePointsSoMaximalContentAndNamespaceAreAccepted() throws Exception {
        String emoji = "\uD83D\uDE00"; // one code point, two Java chars
        MemoryWriter unindexed = new MemoryWriter(config(home), WriterFixtures.NO_REINDEX, index, CLOCK);

        AddResult result = unindexed.add(new AddRequest("a".repeat(99_999) + emoji, "T", List.of(),
                "n".repeat(127) + emoji, null));

        assertEquals("n".repeat(127) + emoji, result.namespace());
        assertTrue(read(result.file()).endsWith(emoji + "\n"));
    }

    @Test
    void blankOptionalFieldsCountAsAbsent() {
        AddResult result = writer.add(new AddRequest("x", " ", List.of(), "", ""));

        assertEquals(new AddResult(memories.resolve("2026-03-30.md"), "default", 1), result);
    }

    @Test
    void batchAddWritesAllEntriesToOneFileInOneWriteAndIndexesOnce() throws Exception {
        AddResult result = writer.batchAdd(new BatchAddRequest(List.of(
                new AddRequest("one", "A", List.of("x"), null, null),
                new AddRequest("two", "B", List.of(), "work", null),
                new AddRequest("three", "C", List.of(), null, null)), "work", null));

        Path file = memories.resolve("2026-03-30--work-00e13ed7af55b276.md");
        assertEquals(new AddResult(file, "work", 3), result);
        assertEquals("\n## A\n\n" + CREATED + "> tags: [\"x\"]\n\none\n"
                + "\n## B\n\n" + CREATED + "\ntwo\n"
                + "\n## C\n\n" + CREATED + "\nthree\n", read(file));
        assertEquals(List.of(file), index.reindexed);
    }

    @Test
    void batchEntryNamingAnotherNamespaceOrFileIsRefused() {
        InvalidInputException ns = assertThrows(InvalidInputException.class, () -> writer.batchAdd(
                new BatchAddRequest(List.of(AddRequest.of("a"), new AddRequest("b", null, null, "other", null)),
                        "work", null)));
        assertEquals("entries[1].namespace", ns.parameter());

        InvalidInputException file = assertThrows(InvalidInputException.class, () -> writer.batchAdd(
                new BatchAddRequest(List.of(new AddRequest("b", null, null, null, "x.md")), null, null)));
        assertEquals("entries[0].file", file.parameter());
        assertFalse(Files.exists(memories));
    }

    @Test
    void batchWithNoEntriesOrAnInvalidEntryIsRefusedBeforeWriting() {
        assertEquals("entries", assertThrows(InvalidInputException.class,
                () -> writer.batchAdd(new BatchAddRequest(List.of(), null, null))).parameter());
        assertEquals("entries[1].content", assertThrows(InvalidInputException.class,
                () -> writer.batchAdd(new BatchAddRequest(List.of(AddRequest.of("ok"), AddRequest.of(" ")), null,
                        null))).parameter());
        assertFalse(Files.exists(memories));
    }
}
