package io.memtomem.core;

import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Stores over a temporary home so no test touches the real {@code ~/.memtomem}. */
public final class TestStores {
    private TestStores() {
    }

    /** A typed config builder over the defaults for {@code home} (neither config.json nor the environment is read). */
    public static MemtomemConfig.Builder builder(Path home) {
        return MemtomemConfig.builder(new Environment(home, Map.of(), home));
    }

    /** The defaults for {@code home}: the memory dir is {@code <home>/.memtomem/memories}. */
    public static MemtomemConfig config(Path home) {
        return builder(home).build();
    }

    /** A store whose only memory dir is {@code <home>/notes}. */
    public static MemtomemConfig withNotes(Path home) {
        return notesBuilder(home).build();
    }

    /** {@link #withNotes} still open for more settings. */
    public static MemtomemConfig.Builder notesBuilder(Path home) {
        return builder(home).memoryDirs(home.resolve("notes"));
    }

    public static Memtomem open(MemtomemConfig config) {
        return Memtomem.open(config);
    }

    public static Memtomem open(MemtomemConfig config, Clock clock) {
        return Memtomem.open(config, clock);
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
