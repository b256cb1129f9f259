package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Top-level keys of a YAML mapping: unindented {@code key:} lines. Without a YAML parser this recognises the
 * shapes that make a document something other than a single mapping (a top-level list or scalar, several
 * documents, an unindented line that is not a key) and reports them as unparsable.
 */
final class YamlTopLevelKeys implements TopLevelKeys {

    private static final Pattern KEY_LINE =
            Pattern.compile("^(?:\"([^\"]*)\"|'([^']*)'|([^\\s#\\-\\[\\]{}'\"?:|>][^#]*?))\\s*:(?:\\s.*)?$");

    @Override
    public List<KeySection> locate(SourceText source) {
        String text = source.text();
        List<String> keys = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int line = 0; line < source.lineCount(); line++) {
            int start = source.lineStart(line);
            int end = source.lineEnd(line);
            if (PyText.isBlank(text, start, end) || PyText.isSpace(text.charAt(start)) || text.charAt(start) == '#') {
                continue;
            }
            String content = PyText.strip(text.substring(start, end));
            if (content.equals("---") || content.startsWith("%")) {
                if (!keys.isEmpty()) {
                    return null; // a second document: the reference's safe_load refuses it
                }
                continue;
            }
            Matcher key = KEY_LINE.matcher(content);
            if (!key.matches()) {
                return null;
            }
            keys.add(firstNonNull(key.group(1), key.group(2), key.group(3)));
            starts.add(start);
        }
        return keys.isEmpty() ? null : TopLevelKeys.consecutive(keys, starts, text.length());
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new IllegalStateException("key pattern matched without a key group");
    }
}
