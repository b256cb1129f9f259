package io.memtomem.cli.common;

import java.nio.file.Path;
import java.util.Locale;

/** Small text helpers for terminal tables. */
public final class Text {
    private static final String ELLIPSIS = "…";

    private Text() {
    }

    /** Whitespace (newlines included) collapsed to single spaces, so a chunk fits on one table row. */
    public static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
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
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A path under HOME shown as {@code ~/…}, the way people type it. */
    public static String tilde(Path path, Path home) {
        return path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path).toString().replace('\\', '/')
                : path.toString();
    }
}
