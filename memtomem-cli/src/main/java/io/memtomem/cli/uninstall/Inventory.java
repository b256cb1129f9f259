package io.memtomem.cli.uninstall;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code mm uninstall} would remove (locking.md §7.4). Presence and sizes never follow links: a link is
 * listed (and later moved) as itself and never bills its target; any error other than "not found" counts as
 * present so the move is attempted and its failure surfaces instead of being hidden.
 */
final class Inventory {
    private static final List<String> DATABASE_SUFFIXES = List.of("", "-wal", "-shm", "-journal");
    private static final List<String> OTHER_STATE_FILES = List.of(".current_session", ".server.pid",
            ".config.json.lock");

    private final Path stateDir;
    private final Path dbPath;
    private final List<Entry> entries;

    private Inventory(Path stateDir, Path dbPath, List<Entry> entries) {
        this.stateDir = stateDir;
        this.dbPath = dbPath;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param stateDir     {@code ~/.memtomem}
     * @param dbPath       this store's database, possibly outside the state dir
     * @param runtimePidFiles this store's pid files in the runtime dirs (never another store's)
     */
    static Inventory collect(Path stateDir, Path dbPath, List<Path> runtimePidFiles, boolean includeExternalDb) {
        List<Entry> entries = new ArrayList<>();
        String dbKeptBecause = databaseKeptBecause(stateDir, dbPath, includeExternalDb);
        DATABASE_SUFFIXES.forEach(suffix -> add(entries, Group.DATABASE,
                dbPath.resolveSibling(dbPath.getFileName() + suffix), dbKeptBecause));
        add(entries, Group.CONFIG, stateDir.resolve("config.json"));
        add(entries, Group.FRAGMENTS, stateDir.resolve("config.d"));
        configBackups(stateDir).forEach(backup -> add(entries, Group.BACKUPS, backup));
        add(entries, Group.MEMORIES, stateDir.resolve("memories"));
        add(entries, Group.UPLOADS, stateDir.resolve("uploads"));
        add(entries, Group.LOGS, stateDir.resolve("logs"));
        OTHER_STATE_FILES.forEach(name -> add(entries, Group.OTHER, stateDir.resolve(name)));
        runtimePidFiles.forEach(pidFile -> add(entries, Group.OTHER, pidFile));
        return new Inventory(stateDir, dbPath, entries);
    }

    List<Entry> entries() {
        return entries;
    }

    Path stateDir() {
        return stateDir;
    }

    /** The database's directory when it is not the state dir (a custom {@code storage.sqlite_path}). */
    Optional<Path> customStorageDir() {
        return dbLivesInStateDir() ? Optional.empty() : Optional.of(dbPath.getParent());
    }

    boolean dbLivesInStateDir() {
        return stateDir.equals(dbPath.getParent());
    }

    /** Entries the flags allow deleting, in staging order. */
    List<Entry> toDelete(boolean keepData, boolean keepConfig) {
        List<Entry> plan = new ArrayList<>();
        for (Group group : Group.STAGING_ORDER) {
            if (!group.kept(keepData, keepConfig)) {
                entries.stream().filter(entry -> entry.group() == group && entry.keptBecause() == null)
                        .forEach(plan::add);
            }
        }
        return plan;
    }

    /**
     * Uninstall owns what is inside {@code ~/.memtomem}; {@code storage.sqlite_path} may name any file, so a database
     * elsewhere is only deleted on request, and a file that is not a SQLite database never (with its "-wal").
     */
    private static String databaseKeptBecause(Path stateDir, Path dbPath, boolean includeExternalDb) {
        if (Files.isRegularFile(dbPath)) {
            Optional<String> notADatabase = SqliteHeader.problem(dbPath);
            if (notADatabase.isPresent()) {
                return notADatabase.get() + "; never deleted";
            }
        }
        boolean external = !dbPath.toAbsolutePath().normalize().startsWith(stateDir.toAbsolutePath().normalize());
        return external && !includeExternalDb ? "outside ~/.memtomem; --include-external-db deletes it" : null;
    }

    private static void add(List<Entry> entries, Group group, Path path) {
        add(entries, group, path, null);
    }

    private static void add(List<Entry> entries, Group group, Path path, String keptBecause) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return;
        } catch (IOException unreadable) {
            entries.add(new Entry(group, path, 0, keptBecause));
            return;
        }
        entries.add(new Entry(group, path, size(path, attributes), keptBecause));
    }

    /** No-follow presence: only "not found" means absent. */
    static boolean exists(Path path) {
        try {
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return true;
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return false;
        } catch (IOException unreadable) {
            return true;
        }
    }

    private static List<Path> configBackups(Path stateDir) {
        List<Path> backups = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(stateDir, "config.json.bak-*")) {
            stream.forEach(backups::add);
        } catch (IOException noStateDir) {
            return List.of();
        }
        backups.sort(null);
        return backups;
    }

    private static long size(Path path, BasicFileAttributes attributes) {
        if (!attributes.isDirectory()) {
            return attributes.size();
        }
        long[] total = {0};
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes fileAttributes) {
                    total[0] += fileAttributes.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException unreadable) {
            // a partial total is still the best estimate to show
        }
        return total[0];
    }
}
