package io.memtomem.core.chunk;

/**
 * Follows fenced code blocks line by line, so headings, blank lines and sentence ends inside code are not
 * mistaken for structure. A fence opens with three or more backticks or tildes after at most three spaces; it
 * closes on a line of the same character, at least as long, with no info string. An unclosed fence runs to the
 * end of the text.
 */
final class FenceTracker {

    private char fenceChar;
    private int fenceLength;

    /** Feeds the next line and tells whether it belongs to a fence (the opening and closing lines included). */
    boolean accept(CharSequence text, int lineStart, int lineEnd) {
        int markerStart = skipIndent(text, lineStart, lineEnd);
        if (markerStart < 0) {
            return inFence();
        }
        char c = text.charAt(markerStart);
        if (!inFence()) {
            int run = runLength(text, markerStart, lineEnd, c);
            if ((c == '`' || c == '~') && run >= 3) {
                fenceChar = c;
                fenceLength = run;
                return true;
            }
            return false;
        }
        int run = runLength(text, markerStart, lineEnd, fenceChar);
        if (run >= fenceLength && PyText.isBlank(text, markerStart + run, lineEnd)) {
            fenceLength = 0;
        }
        return true;
    }

    boolean inFence() {
        return fenceLength > 0;
    }

    /** Start of the fence marker after up to three spaces, or -1 when the line is indented further or empty. */
    private static int skipIndent(CharSequence text, int lineStart, int lineEnd) {
        int i = lineStart;
        while (i < lineEnd && i - lineStart < 3 && text.charAt(i) == ' ') {
            i++;
        }
        return i < lineEnd && text.charAt(i) != ' ' ? i : -1;
    }

    private static int runLength(CharSequence text, int from, int end, char c) {
        int i = from;
        while (i < end && text.charAt(i) == c) {
            i++;
        }
        return i - from;
    }
}
