package io.memtomem.core.chunk;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code > created: … / > tags: […]} header that the memory writer puts under an entry heading. When a
 * section starts with such a group and it has a {@code tags:} line, the tags move into chunk metadata and the
 * group plus the blank lines after it leave the chunk text. A group without {@code tags:} (only
 * {@code > created:}) stays in the text.
 *
 * <p>Older files used lazy continuation: only the first header line carries {@code >}. A following line without
 * {@code >} joins the group when it is a {@code key: value} field, so body text that directly follows a canonical
 * header is never swallowed.
 */
final class BlockquoteHeader {

    /** @param tags the promoted tags; @param rest the section text after the header, stripped */
    record Promotion(List<String> tags, Span rest) {
    }

    private static final Pattern TAGS_FIELD = Pattern.compile("^tags:(.*)$");
    private static final Pattern HEADER_FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*:(\\s.*)?$");

    private BlockquoteHeader() {
    }

    /** The promotion for a stripped section, or {@code null} when it does not start with a tagged header. */
    static Promotion promote(SourceText source, Span section) {
        String text = source.text();
        if (section.length() == 0 || text.charAt(section.start()) != '>') {
            return null;
        }
        List<String> tags = null;
        int groupEnd = section.start();
        for (int line = source.lineOf(section.start()) - 1;
             line < source.lineCount() && source.lineStart(line) < section.end(); line++) {
            int start = Math.max(source.lineStart(line), section.start());
            int end = Math.min(source.lineEnd(line), section.end());
            if (PyText.isBlank(text, start, end)) {
                break;
            }
            boolean quoted = text.charAt(start) == '>';
            String field = unquote(text.substring(start, end));
            if (!quoted && !HEADER_FIELD.matcher(field).matches()) {
                break;
            }
            Matcher tagsField = TAGS_FIELD.matcher(field);
            if (tagsField.matches()) {
                tags = TagValues.parse(tagsField.group(1));
            }
            groupEnd = end;
        }
        return tags == null ? null : new Promotion(tags, source.strip(groupEnd, section.end()));
    }

    /** A header line without its {@code >} marker and one following space, and without trailing whitespace. */
    private static String unquote(String line) {
        String s = line;
        if (s.startsWith(">")) {
            s = s.substring(s.startsWith("> ") ? 2 : 1);
        }
        return PyText.strip(s);
    }
}
