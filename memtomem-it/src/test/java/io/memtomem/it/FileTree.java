package io.memtomem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a directory tree held at one moment (every entry's kind, size and mtime), to find what changed since. */
final class FileTree {
    private final Map<Path, String> entries;

    private FileTree(Map<Path, String> entries) {
        this.entries = entries;
    }

    static FileTree snapshot(Path root) {
        Map<Path, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> entries.put(path, describe(path)));
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("cannot walk " + root, e);
        }
        return new FileTree(entries);
    }

    private static String describe(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String kind = attributes.isDirectory() ? "dir" : attributes.isSymbolicLink() ? "link" : "file";
            // a directory's size and mtime change with its entries, which are listed themselves
            return attributes.isDirectory() ? kind
                    : kind + " " + attributes.size() + " " + attributes.lastModifiedTime();
        } catch (IOException vanishedMeanwhile) {
            return "gone";
        }
    }

    /** Paths created, modified or removed between {@code this} and {@code later}. */
    List<Path> changedIn(FileTree later) {
        Map<Path, String> all = new TreeMap<>(entries);
        all.putAll(later.entries);
        return all.keySet().stream()
                .filter(path -> !Objects.equals(entries.get(path), later.entries.get(path)))
                .toList();
    }

    /** Paths removed between {@code this} and {@code later}. */
    List<Path> removedIn(FileTree later) {
        return entries.keySet().stream().filter(path -> !later.entries.containsKey(path)).toList();
    }
}
