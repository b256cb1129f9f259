package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Top-level keys of a TOML document: {@code key = value} lines before the first table, and table headers
 * ({@code [a]}, {@code [a.b]}, {@code [[a]]}) after it. Consecutive entries of the same root key ({@code [a]}
 * then {@code [a.b]}, or repeated {@code [[a]]}) form one section, as the parsed document would have one key.
 */
final class TomlTopLevelKeys implements TopLevelKeys {

    private static final String KEY_PART = "(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')";
    private static final Pattern TABLE = Pattern.compile("^\\[\\[?\\s*(" + KEY_PART + ")[^\\]]*]]?\\s*(?:#.*)?$");
    private static final Pattern KEY_VALUE = Pattern.compile("^(" + KEY_PART + ")\\s*(?:\\.\\s*" + KEY_PART + "\\s*)*=.*$");

    @Override
    public List<KeySection> locate(SourceText source) {
        String text = source.text();
        List<String> keys = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        boolean inTables = false;
        boolean inMultilineString = false;
        for (int line = 0; line < source.lineCount(); line++) {
            int start = source.lineStart(line);
            String content = PyText.strip(text.substring(start, source.lineEnd(line)));
            boolean wasInString = inMultilineString;
            inMultilineString ^= opensOrClosesMultilineString(content);
            if (wasInString || content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            Matcher table = TABLE.matcher(content);
            String key = null;
            if (table.matches()) {
                inTables = true;
                key = table.group(1);
            } else if (!inTables) {
                Matcher keyValue = KEY_VALUE.matcher(content);
                key = keyValue.matches() ? keyValue.group(1) : null;
            }
            if (key == null) {
                continue;
            }
            key = unquote(key);
            if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(key)) {
                keys.add(key);
                starts.add(start);
            }
        }
        return keys.isEmpty() ? null : TopLevelKeys.consecutive(keys, starts, text.length());
    }

    /** True when the line holds an odd number of {@code """} or {@code '''} delimiters. */
    private static boolean opensOrClosesMultilineString(String line) {
        return (count(line, "\"\"\"") + count(line, "'''")) % 2 == 1;
    }

    private static int count(String line, String delimiter) {
        int n = 0;
        for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, i + delimiter.length())) {
            n++;
        }
        return n;
    }

    private static String unquote(String key) {
        char first = key.charAt(0);
        return first == '"' || first == '\'' ? key.substring(1, key.length() - 1) : key;
    }
}
