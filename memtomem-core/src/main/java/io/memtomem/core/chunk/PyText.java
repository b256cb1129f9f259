package io.memtomem.core.chunk;

/**
 * Character rules of the Python reference, so that stripping and size estimates give byte-identical chunks.
 * Python's {@code str.isspace} and {@code len} differ from Java's {@code Character.isWhitespace} and
 * {@code String.length} (no-break spaces, supplementary characters).
 */
final class PyText {

    private PyText() {
    }

    /** Python's {@code str.isspace} for one character. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    static boolean isBlank(CharSequence s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code len}: code points, not UTF-16 units. */
    static int length(CharSequence s, int start, int end) {
        return Character.codePointCount(s, start, end);
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
