package io.memtomem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The markdown under a memory dir: the source of truth every scenario checks the index against. */
final class MarkdownFiles {
    private MarkdownFiles() {
    }

    static List<Path> under(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path onlyOne(Path dir) {
        List<Path> files = under(dir);
        if (files.size() != 1) {
            throw new AssertionError("expected one markdown file under " + dir + ", found " + files);
        }
        return files.get(0);
    }

    /** All markdown under {@code dir} as one text, for counting entries. */
    static String text(Path dir) {
        StringBuilder text = new StringBuilder();
        under(dir).forEach(path -> text.append(read(path)).append('\n'));
        return text.toString();
    }

    /** Every file's full content, to prove later that nothing touched them. */
    static Map<Path, String> contents(Path dir) {
        Map<Path, String> contents = new TreeMap<>();
        under(dir).forEach(path -> contents.put(path, read(path)));
        return contents;
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
