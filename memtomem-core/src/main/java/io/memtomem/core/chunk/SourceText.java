package io.memtomem.core.chunk;

import java.util.Arrays;

/** A file's text with a line index, so chunk spans map to 1-based line numbers without rescanning. */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** Number of lines; a trailing newline does not open a further line. */
    int lineCount() {
        return text.endsWith("\n") ? lineStarts.length - 1 : lineStarts.length;
    }

    /** Offset where 0-based line {@code index} starts. */
    int lineStart(int index) {
        return lineStarts[index];
    }

    /** Offset of the newline ending 0-based line {@code index}, or the text length for the last line. */
    int lineEnd(int index) {
        return index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : text.length();
    }

    /** 1-based line containing {@code offset}. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    String slice(Span span) {
        return text.substring(span.start(), span.end());
    }

    /** The span without surrounding Python whitespace; empty (start == end) when it is blank. */
    Span strip(int start, int end) {
        while (start < end && PyText.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && PyText.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    /** Estimated tokens at 4 characters each, as the reference's {@code len(text) // 4}. */
    int quarterTokens(Span span) {
        return PyText.length(text, span.start(), span.end()) / 4;
    }
}
