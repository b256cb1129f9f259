package io.memtomem.core;

import io.memtomem.core.write.AddOptions;
import io.memtomem.core.write.AddRequest;
import io.memtomem.core.write.AddResult;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate process for {@link IdempotentAddTest}: opens the store of {@code home}, reports ready, waits for the start
 * file, then adds one entry under the idempotency key and prints {@code replayed=<true|false>}. Args: home, worker
 * name, start file, key.
 */
public final class IdempotentAddWorker {
    private IdempotentAddWorker() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path startFile = Path.of(args[2]);
        try (Memtomem memtomem = Memtomem.open(TestStores.withNotes(home))) {
            memtomem.stats(); // warm up: class loading and the first queries happen before the race
            Files.createFile(startFile.resolveSibling("ready-" + args[1]));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(startFile)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no start signal within 60 s");
                }
                Thread.onSpinWait();
            }
            AddResult result = memtomem.add(IdempotentAddTest.ENTRY, new AddOptions(false, false, args[3]));
            System.out.println("replayed=" + result.replayed());
        }
    }
}
