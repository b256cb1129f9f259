package io.memtomem.core.write;

import java.util.ArrayList;
import java.util.List;

/**
 * A file's text as lines that keep their own terminators, so lines outside an edit are written back byte for byte.
 * Indexes are 0-based; chunk line numbers are 1-based.
 */
record FileLines(List<String> lines) {
    FileLines {
        lines = List.copyOf(lines);
    }

    static FileLines of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return new FileLines(lines);
    }

    int size() {
        return lines.size();
    }

    /** The line's text without its terminator. */
    String text(int index) {
        String line = lines.get(index);
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return line.substring(0, end);
    }

    boolean isBlank(int index) {
        return text(index).isBlank();
    }

    /** Lines {@code [from, to)} joined with their terminators. */
    String join(int from, int to) {
        return String.join("", lines.subList(from, to));
    }
}
