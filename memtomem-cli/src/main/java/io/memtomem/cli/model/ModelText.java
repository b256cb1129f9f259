package io.memtomem.cli.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The line grammar of the command model file: one entry a line, its fields separated by tabs, list items by U+001F;
 * a field that is null is written as U+0000. Backslash, tab, line breaks and the two separators are escaped.
 */
final class ModelText {
    private static final char FIELD = '\t';
    private static final char ITEM = '\u001f';
    private static final String NULL = "\u0000";

    private ModelText() {
    }

    static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            if (line.length() > 0) {
                line.append(FIELD);
            }
            line.append(field == null ? NULL : escape(field));
        }
        return line.toString();
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == FIELD) {
                String field = line.substring(start, i);
                fields.add(field.equals(NULL) ? null : unescape(field));
                start = i + 1;
            }
        }
        return fields;
    }

    /** A list as one field: items joined by U+001F, each escaped so no item holds a separator. */
    static String list(List<String> items) {
        StringBuilder joined = new StringBuilder();
        for (String item : items) {
            if (joined.length() > 0) {
                joined.append(ITEM);
            }
            joined.append(escape(item));
        }
        return joined.toString();
    }

    static List<String> items(String field) {
        List<String> items = new ArrayList<>();
        if (field.isEmpty()) {
            return items;
        }
        int start = 0;
        for (int i = 0; i <= field.length(); i++) {
            if (i == field.length() || field.charAt(i) == ITEM) {
                items.add(unescape(field.substring(start, i)));
                start = i + 1;
            }
        }
        return items;
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case FIELD -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ITEM -> out.append("\\i");
                case '\u0000' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            out.append(switch (next) {
                case 't' -> FIELD;
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'i' -> ITEM;
                case '0' -> '\u0000';
                default -> next;
            });
        }
        return out.toString();
    }
}
