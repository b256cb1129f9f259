package io.memtomem.cli.uninstall;

import io.memtomem.cli.CliHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/** Seeds a store with every kind of state uninstall knows about, and snapshots trees to prove "nothing changed". */
final class StateFixture {
    private StateFixture() {
    }

    /**
     * A configured store with data, fragments, backups, memories, logs, session and a stale pid file of this store.
     * (No fake -wal: the write-lock probe opens the database, and SQLite rightly consumes a WAL it finds.)
     */
    static void seedEverything(CliHarness cli) throws IOException {
        cli.run("init", "--non-interactive");
        cli.run("add", "A memory worth keeping", "--tags", "ops");
        Path state = cli.stateDir();
        Files.createDirectories(state.resolve("config.d"));
        Files.writeString(state.resolve("config.d/10-local.json"), "{}");
        Files.writeString(state.resolve("config.json.bak-20260501"), "{}");
        Files.writeString(state.resolve(".current_session"), "session");
        Files.createDirectories(state.resolve("logs"));
        Files.writeString(state.resolve("logs/server.log"), "a server's line\n");
        cli.createRuntimeDir();
        Files.writeString(cli.storePidFile(), "999999\n\n2026-05-01T10:00:00.000000+00:00\n");
    }

    /** Every path under {@code root} (no-follow) with its size, for before/after equality. */
    static Map<String, Long> snapshot(Path root) {
        Map<String, Long> tree = new TreeMap<>();
        if (!Files.exists(root)) {
            return tree;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    tree.put(root.relativize(dir) + "/", 0L);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    tree.put(root.relativize(file).toString(), attributes.size());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }
}
