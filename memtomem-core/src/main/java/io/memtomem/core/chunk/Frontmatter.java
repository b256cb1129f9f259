package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tags and the validity dates from a leading {@code ---} block. Only LF line endings count, exactly as the
 * reference: a BOM, CRLF, or a delimiter with trailing spaces means there is no frontmatter. The block itself stays
 * in the text, so reading it never changes chunk content or hashes.
 */
public final class Frontmatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---\\n(.*?)\\n---(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TAGS_KEY = Pattern.compile("^tags:(.*)$");
    private static final Pattern VALIDITY_KEY = Pattern.compile("^(valid_from|valid_to):(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*-\\s+(.*)$");

    private Frontmatter() {
    }

    /** The lines between the delimiters; empty when the text has no frontmatter. */
    public static String[] lines(String text) {
        if (!text.startsWith("---\n")) {
            return new String[0];
        }
        Matcher block = BLOCK.matcher(text);
        return block.find() ? block.group(1).split("\n", -1) : new String[0];
    }

    static List<String> tags(String text) {
        String[] lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            Matcher key = TAGS_KEY.matcher(lines[i]);
            if (key.matches()) {
                String inline = PyText.strip(key.group(1));
                return inline.isEmpty() ? blockList(lines, i + 1) : TagValues.parse(inline);
            }
        }
        return List.of();
    }

    /**
     * {@code valid_from:} / {@code valid_to:}, quoted or not. A value that is not a day or quarter is ignored (the
     * bound stays open, as when the key is absent) and described to {@code problems}, so a typo never blocks indexing.
     */
    static Validity validity(String text, Consumer<String> problems) {
        Long from = null;
        Long to = null;
        for (String line : lines(text)) {
            Matcher key = VALIDITY_KEY.matcher(line);
            if (key.matches()) {
                String value = TagValues.unquote(key.group(2));
                if (value.isEmpty()) {
                    continue; // a key left blank is simply not set
                }
                Optional<ValidityPeriod> period = ValidityPeriod.parse(value);
                if (period.isEmpty()) {
                    problems.accept("ignoring " + key.group(1) + ": '" + value + "' is not " + ValidityPeriod.FORMATS);
                } else if (key.group(1).equals("valid_from")) {
                    from = period.get().startUnix();
                } else {
                    to = period.get().endUnix();
                }
            }
        }
        return from == null && to == null ? Validity.OPEN : new Validity(from, to);
    }

    private static List<String> blockList(String[] lines, int from) {
        List<String> tags = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            Matcher item = LIST_ITEM.matcher(lines[i]);
            if (!item.matches()) {
                break;
            }
            String tag = TagValues.unquote(item.group(1));
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
