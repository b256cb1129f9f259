package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a leading {@code ---} block. Only LF line endings count, exactly as the reference: a BOM, CRLF, or a
 * delimiter with trailing spaces means there is no frontmatter. The block itself stays in the text.
 */
public final class Frontmatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---\\n(.*?)\\n---(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TAGS_KEY = Pattern.compile("^tags:(.*)$");
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
