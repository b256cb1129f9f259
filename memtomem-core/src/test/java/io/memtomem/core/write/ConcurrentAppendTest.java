package io.memtomem.core.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.NOW;
import static io.memtomem.core.write.WriterFixtures.NO_INDEX;
import static io.memtomem.core.write.WriterFixtures.NO_REINDEX;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ConcurrentAppendTest {
    private static final int PER_WRITER = 40;

    @TempDir
    Path home;

    /** A titled, multi-kilobyte entry, so a torn or interleaved write could not go unnoticed. */
    static AddRequest entry(String writer, int n) {
        String id = writer + "-" + n;
        String content = ("line of " + id + " ").repeat(200) + "\nend of " + id;
        return new AddRequest(content, "Entry " + id, List.of(writer), null, null);
    }

    @Test
    void appendsFromManyThreadsAllLandWholeAndExactlyOnce() throws Exception {
        // two writer instances, so the exclusion cannot come from a lock inside one instance
        List<MemoryWriter> writers = List.of(new MemoryWriter(config(home), NO_REINDEX, NO_INDEX, CLOCK),
                new MemoryWriter(config(home), NO_REINDEX, NO_INDEX, CLOCK));
        List<String> names = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7");
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < names.size(); t++) {
                MemoryWriter writer = writers.get(t % 2);
                String name = names.get(t);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_WRITER; i++) {
                        writer.add(entry(name, i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEveryEntryWholeAndOnce(names);
    }

    @Test
    void appendsFromTwoProcessesAndThisOneAllLandWholeAndExactlyOnce() throws Exception {
        Path startFile = home.resolve("go");
        List<String> names = List.of("p0", "p1", "local");
        List<Process> children = new ArrayList<>();
        try {
            for (String name : names.subList(0, 2)) {
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), AppendWorker.class.getName(),
                        home.toString(), name, String.valueOf(PER_WRITER), startFile.toString(), NOW.toString());
                builder.redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
                children.add(builder.start());
            }
            MemoryWriter local = new MemoryWriter(config(home), NO_REINDEX, NO_INDEX, CLOCK);
            local.add(new AddRequest("warm-up", null, null, null, "warm-up-local.md"));
            awaitReady(startFile, names.subList(0, 2), children);
            Files.createFile(startFile);
            for (int i = 0; i < PER_WRITER; i++) {
                local.add(entry("local", i));
            }
            for (int c = 0; c < children.size(); c++) {
                String name = names.get(c);
                if (!children.get(c).waitFor(60, TimeUnit.SECONDS)) {
                    fail("child " + name + " did not finish within 60 s");
                }
                assertEquals(0, children.get(c).exitValue(), () -> "child " + name + " failed: " + log(name));
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        assertEveryEntryWholeAndOnce(names);
    }

    private static void awaitReady(Path startFile, List<String> names, List<Process> children) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String name : names) {
            while (!Files.exists(AppendWorker.readyFile(startFile, name))) {
                if (System.nanoTime() > deadline || children.stream().anyMatch(child -> !child.isAlive())) {
                    fail("child " + name + " did not get ready");
                }
                Thread.sleep(10);
            }
        }
    }

    private void assertEveryEntryWholeAndOnce(List<String> writerNames) throws Exception {
        String text = read(home.resolve(".memtomem/memories/2026-03-30.md"));
        long expectedLength = 0;
        for (String name : writerNames) {
            for (int i = 0; i < PER_WRITER; i++) {
                AddRequest e = entry(name, i);
                String block = EntryBlock.format(e.content(), e.title(), e.tags(), NOW);
                int first = text.indexOf(block);
                assertTrue(first >= 0, "missing or torn: " + e.title());
                assertEquals(-1, text.indexOf(block, first + 1), "written twice: " + e.title());
                expectedLength += block.length();
            }
        }
        // every block is present once and nothing else is there, so no two blocks interleaved
        assertEquals(expectedLength, text.length());
    }

    private String log(String name) {
        try {
            return Files.readString(home.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
