package io.memtomem.locking;

import java.util.regex.Pattern;

/**
 * Makes paths and error text safe to print: a hostile file name must not be able to move the cursor, clear the
 * screen or forge extra lines, and a removal command must paste back as exactly one shell operand.
 */
final class TerminalText {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private TerminalText() {
    }

    /** Every non-printable character becomes {@code \xNN} escapes of its file-system bytes; the rest is untouched. */
    static String scrub(Os os, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else {
                appendByteEscapes(os, cp, out);
            }
        });
        return out.toString();
    }

    static String scrub(Os os, Object value) {
        return scrub(os, String.valueOf(value));
    }

    /**
     * POSIX-shell quoting like Python's {@code shlex.quote}; a text with non-printable characters is rendered in
     * ANSI-C {@code $'…'} form instead, so no raw control byte ever reaches the terminal.
     */
    static String shellQuote(Os os, String text) {
        if (text.codePoints().allMatch(TerminalText::isPrintable)) {
            if (text.isEmpty()) {
                return "''";
            }
            return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\"'\"'") + "'";
        }
        StringBuilder out = new StringBuilder("$'");
        text.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '\'') {
                out.append('\\').appendCodePoint(cp);
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else {
                appendByteEscapes(os, cp, out);
            }
        });
        return out.append('\'').toString();
    }

    /** Cuts to at most {@code max} characters without splitting a {@code \xNN} escape. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String ellipsis = "...";
        int cut = max - ellipsis.length();
        int escapeStart = text.lastIndexOf("\\x", cut);
        if (escapeStart >= 0 && escapeStart > cut - 4) {
            cut = escapeStart;
        }
        return text.substring(0, cut) + ellipsis;
    }

    /** Python's {@code str.isprintable}: everything except "Other" and "Separator" categories, ASCII space allowed. */
    static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static void appendByteEscapes(Os os, int codePoint, StringBuilder out) {
        for (byte b : FilesystemBytes.of(os, new String(Character.toChars(codePoint)))) {
            out.append(String.format("\\x%02x", b & 0xff));
        }
    }
}
