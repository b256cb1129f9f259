package io.memtomem.core.write;

import java.util.regex.Pattern;

/**
 * The {@code > created: … / > tags: […]} block under an entry heading, delimited as the chunker delimits it: from a
 * line starting with {@code >} up to the next blank line, where unquoted lines only continue it when they are
 * {@code key: value} fields (the older lazy-continuation form).
 */
final class HeaderGroup {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*:(\\s.*)?");

    private HeaderGroup() {}

    /** @return one past the group's last line, or {@code start} when no group starts there */
    static int end(FileLines file, int start) {
        if (start >= file.size() || !file.text(start).startsWith(">")) {
            return start;
        }
        int end = start;
        while (end < file.size() && !file.isBlank(end)
                && (file.text(end).startsWith(">") || FIELD.matcher(field(file.text(end))).matches())) {
            end++;
        }
        return end;
    }

    /** Whether a line of the group is the field {@code key}, e.g. {@code tags}. */
    static boolean has(FileLines file, int start, int end, String key) {
        for (int i = start; i < end; i++) {
            if (isField(file.text(i), key)) {
                return true;
            }
        }
        return false;
    }

    static boolean isField(String line, String key) {
        return field(line).startsWith(key + ":");
    }

    /** The line without its {@code >} marker and surrounding whitespace. */
    private static String field(String line) {
        return (line.startsWith(">") ? line.substring(1) : line).strip();
    }
}
