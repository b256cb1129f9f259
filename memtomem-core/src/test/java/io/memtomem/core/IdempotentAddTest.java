package io.memtomem.core;

import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import io.memtomem.core.write.AddResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code mem_add}'s idempotency key (memory-core.md §1.2): one write per key for 24 h, even across processes. */
class IdempotentAddTest {
    static final AddRequest ENTRY = new AddRequest("Deploys freeze on Fridays after 15:00.", "Freeze", List.of(),
            null, "team.md");
    private static final Instant START = Instant.parse("2026-03-30T01:02:03Z");

    @TempDir
    Path home;

    private static AddOptions key(String key) {
        return new AddOptions(false, false, key);
    }

    private Path teamFile() {
        return home.resolve("notes/team.md");
    }

    private int entriesWritten() throws IOException {
        return Files.readString(teamFile()).split("## Freeze", -1).length - 1;
    }

    @Test
    void aKeyThatLooksLikeASecretIsRefusedBeforeItIsStoredEvenWithForceUnsafe() throws Exception {
        String secret = "AKIAIOSFODNN7EXAMPLE";
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            InvalidInputException error = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(ENTRY, new AddOptions(true, false, secret)));
            assertEquals("idempotency_key", error.parameter());
            assertFalse(error.getMessage().contains(secret), error.getMessage());
            assertFalse(Files.exists(teamFile()), "nothing is written");
        }
    }

    @Test
    void aRepeatWithinADayReturnsTheFirstResultMarkedAsReplayAndWritesNothing() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home), clock)) {
            AddResult first = memtomem.add(ENTRY, key("k-1"));
            String file = Files.readString(teamFile());
            clock.advance(Duration.ofHours(23));

            AddResult again = memtomem.add(ENTRY, key("k-1"));

            assertFalse(first.replayed());
            assertTrue(again.replayed());
            assertEquals(START, again.replayOf());
            assertEquals(first.file(), again.file());
            assertEquals(first.namespace(), again.namespace());
            assertEquals(first.chunksIndexed(), again.chunksIndexed());
            assertEquals(file, Files.readString(teamFile()));
        }
    }

    @Test
    void afterADayTheKeyWritesAgain() throws Exception {
        MovableClock clock = new MovableClock(START);
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home), clock)) {
            memtomem.add(ENTRY, key("k-1"));
            clock.advance(Duration.ofHours(24).plusSeconds(1));
            assertFalse(memtomem.add(ENTRY, key("k-1")).replayed());
            assertEquals(2, entriesWritten());
        }
    }

    @Test
    void differentKeysAndNoKeyEachWrite() throws Exception {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.add(ENTRY, key("a"));
            memtomem.add(ENTRY, key("b"));
            memtomem.add(ENTRY, key(" "));
            memtomem.add(ENTRY);
            assertEquals(4, entriesWritten());
        }
    }

    @Test
    void aRefusedWriteDoesNotUseUpTheKey() throws Exception {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            AddRequest leaky = new AddRequest("AKIAIOSFODNN7EXAMPLE", "Freeze", List.of(), null, "team.md");
            assertThrows(InvalidInputException.class, () -> memtomem.add(leaky, key("k-1")));
            assertFalse(memtomem.add(ENTRY, key("k-1")).replayed());
            assertEquals(1, entriesWritten());
        }
    }

    @Test
    void aKeyOver256CharactersIsRefused() {
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> memtomem.add(ENTRY, key("k".repeat(257))));
            assertEquals("idempotency_key", e.parameter());
            assertFalse(Files.exists(teamFile()));
            assertFalse(memtomem.add(ENTRY, key("k".repeat(256))).replayed());
        }
    }

    /** Separate store handles share nothing in memory: only the database decides who writes. */
    @Test
    void storeHandlesRacingOneKeyWriteOnce() throws Exception {
        int racers = 6;
        List<Memtomem> handles = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int i = 0; i < racers; i++) {
                handles.add(Memtomem.open(TestStores.withNotes(home)));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AddResult>> results = new ArrayList<>();
            for (Memtomem handle : handles) {
                results.add(pool.submit(() -> {
                    start.await();
                    return handle.add(ENTRY, key("race"));
                }));
            }
            start.countDown();
            int fresh = 0;
            for (Future<AddResult> result : results) {
                fresh += result.get(60, TimeUnit.SECONDS).replayed() ? 0 : 1;
            }
            assertEquals(1, fresh);
            assertEquals(1, entriesWritten());
        } finally {
            pool.shutdownNow();
            handles.forEach(Memtomem::close);
        }
    }

    @Test
    void twoProcessesRacingOneKeyWriteOnce() throws Exception {
        Path startFile = home.resolve("go");
        List<Process> children = new ArrayList<>();
        try {
            for (String name : List.of("p0", "p1")) {
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"),
                        IdempotentAddWorker.class.getName(), home.toString(), name, startFile.toString(), "cross");
                builder.redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
                children.add(builder.start());
            }
            awaitReady(startFile, children);
            Files.createFile(startFile);
            List<String> outputs = new ArrayList<>();
            for (int c = 0; c < children.size(); c++) {
                if (!children.get(c).waitFor(60, TimeUnit.SECONDS)) {
                    fail("child p" + c + " did not finish within 60 s");
                }
                String log = Files.readString(home.resolve("p" + c + ".log"));
                assertEquals(0, children.get(c).exitValue(), log);
                outputs.add(log);
            }
            assertEquals(1, outputs.stream().filter(log -> log.contains("replayed=false")).count(), outputs::toString);
            assertEquals(1, outputs.stream().filter(log -> log.contains("replayed=true")).count(), outputs::toString);
            assertEquals(1, entriesWritten());
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static void awaitReady(Path startFile, List<Process> children) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int c = 0; c < children.size(); c++) {
            while (!Files.exists(startFile.resolveSibling("ready-p" + c))) {
                if (System.nanoTime() > deadline || children.stream().anyMatch(child -> !child.isAlive())) {
                    fail("child p" + c + " did not get ready");
                }
                Thread.sleep(10);
            }
        }
    }
}
