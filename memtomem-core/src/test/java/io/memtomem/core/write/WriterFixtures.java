package io.memtomem.core.write;

import io.memtomem.core.TestStores;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.store.StoredChunk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Configs over a temporary home, a fixed clock, and file helpers shared by the writer tests. */
final class WriterFixtures {
    static final Instant NOW = Instant.parse("2026-03-30T01:02:03.456Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** For tests that look only at the files: indexes nothing. */
    static final FileReindexer NO_REINDEX = (file, namespace, forceUnsafe, retired) -> 0;
    static final ChunkLocator NO_INDEX = new ChunkLocator() {
        @Override
        public Optional<StoredChunk> find(String chunkId) {
            return Optional.empty();
        }

        @Override
        public Set<String> namespacesOf(Path file) {
            return Set.of();
        }
    };

    private WriterFixtures() {}

    /** Defaults: one memory dir, {@code <home>/.memtomem/memories}, default namespace {@code default}. */
    static MemtomemConfig config(Path home) {
        return TestStores.config(home);
    }

    static MemtomemConfig config(Path home, List<Path> memoryDirs) {
        return TestStores.builder(home).memoryDirs(memoryDirs.toArray(Path[]::new)).build();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
