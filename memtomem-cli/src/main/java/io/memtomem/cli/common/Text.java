package io.memtomem.cli.common;

import io.memtomem.core.Decimals;
import io.memtomem.core.Memtomem;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Small text helpers for terminal tables. */
public final class Text {
    private static final String ELLIPSIS = "…";
    /** A {@code > key: value} line of an entry's header block. */
    private static final Pattern HEADER_LINE = Pattern.compile(">\\s*[A-Za-z_][A-Za-z0-9_-]*:");

    private Text() {
    }

    /** Whitespace (newlines included) collapsed to single spaces, so a chunk fits on one table row. */
    public static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * What a table row shows of a chunk: its text on one line, without a leading frontmatter block or
     * {@code > created: …} header lines, which would fill every row with the same metadata.
     */
    public static String preview(String content) {
        String text = content.strip();
        if (text.startsWith("---\n")) {
            int close = text.indexOf("\n---", 4);
            if (close >= 0) {
                text = text.substring(Math.min(text.length(), close + 4)).strip();
            }
        }
        while (HEADER_LINE.matcher(text).lookingAt()) {
            int newline = text.indexOf('\n');
            text = newline < 0 ? "" : text.substring(newline + 1).strip();
        }
        return oneLine(text);
    }

    /** Characters of a chunk id the tables show; {@code mm read}, {@code edit} and {@code delete} take them. */
    public static final int SHORT_ID = Memtomem.MIN_ID_PREFIX;

    public static String shortId(String chunkId) {
        return chunkId.length() <= SHORT_ID ? chunkId : chunkId.substring(0, SHORT_ID);
    }

    /** At most {@code width} characters, the cut marked with an ellipsis. */
    public static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + ELLIPSIS;
    }

    /** At most {@code width} characters keeping the end of the path (the file name is what people scan for). */
    public static String shortenPath(Path path, int width) {
        String text = path.toString();
        return text.length() <= width ? text : ELLIPSIS + text.substring(text.length() - width + 1);
    }

    public static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** {@code N B} below 1024, else one decimal with KB/MB/GB (base 1024). */
    public static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KB", "MB", "GB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return Decimals.fixed(value, 1) + " " + units[unit];
    }

    /** A path under HOME shown as {@code ~/…}, the way people type it. */
    public static String tilde(Path path, Path home) {
        return path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path).toString().replace('\\', '/')
                : path.toString();
    }
}
