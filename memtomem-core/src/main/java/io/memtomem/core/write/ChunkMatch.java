package io.memtomem.core.write;

import io.memtomem.core.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells whether an indexed chunk's text is still on its recorded lines. The chunker stores the text transformed, so
 * both sides are compared line by line after the same changes: wikilinks rewritten, whitespace collapsed, blank lines
 * dropped, tagged header groups removed, and the span's heading line optional (a section's heading is not part of its
 * text, but a merged chunk carries its inner headings). An oversize section may be cut mid-line at a sentence end, so
 * the span's first and last line may hold extra text there; anything else extra means the file changed.
 */
final class ChunkMatch {
    enum Result {
        /** the chunk's text fills its lines */
        WHOLE_LINES,
        /** the chunk's first or last line also holds a neighbouring chunk's text (a mid-line split) */
        SHARED_LINES,
        /** the lines no longer hold the chunk's text */
        CHANGED
    }

    private static final Pattern ALIASED_WIKILINK = Pattern.compile("\\[\\[[^\\]|]+\\|([^\\]]+)]]");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[([^\\]]+)]]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?]$");

    private ChunkMatch() {}

    /** @param first 0-based first line; {@code last} 0-based last line, inclusive */
    static Result of(FileLines file, int first, int last, String chunkContent) {
        List<String> span = spanLines(file, first, last);
        String chunk = String.join("\n", normalizedLines(chunkContent));
        Result withHeading = find(String.join("\n", span), chunk);
        if (withHeading != Result.CHANGED || span.isEmpty() || !EntryLocator.isHeading(span.get(0))) {
            return withHeading;
        }
        return find(String.join("\n", span.subList(1, span.size())), chunk);
    }

    private static List<String> spanLines(FileLines file, int first, int last) {
        List<String> lines = new ArrayList<>();
        int i = first;
        while (i <= last) {
            lines.addAll(normalizedLines(file.text(i)));
            if (EntryLocator.isHeading(file, i)) {
                int groupStart = i + 1;
                while (groupStart <= last && file.isBlank(groupStart)) {
                    groupStart++;
                }
                int groupEnd = HeaderGroup.end(file, groupStart);
                if (HeaderGroup.has(file, groupStart, groupEnd, "tags")) {
                    i = groupEnd; // the chunker moved these lines into tags metadata
                    continue;
                }
            }
            i++;
        }
        return lines;
    }

    /** One line as {@link #of} compares it; also how a heading line is compared with a stored breadcrumb entry. */
    static String normalizedLine(String line) {
        return String.join(" ", normalizedLines(line));
    }

    private static List<String> normalizedLines(String text) {
        String rewritten = WIKILINK.matcher(ALIASED_WIKILINK.matcher(text).replaceAll("$1")).replaceAll("$1");
        List<String> lines = new ArrayList<>();
        for (String line : Chunk.nfc(rewritten).split("\n")) {
            String collapsed = WHITESPACE.matcher(line.strip()).replaceAll(" ");
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return lines;
    }

    private static Result find(String span, String chunk) {
        for (int at = span.indexOf(chunk); at >= 0; at = span.indexOf(chunk, at + 1)) {
            String before = span.substring(0, at);
            String after = span.substring(at + chunk.length());
            boolean cleanStart = before.isEmpty()
                    || (before.indexOf('\n') < 0 && before.endsWith(" ") && ENDS_SENTENCE.matcher(before.strip()).find());
            boolean cleanEnd = after.isEmpty()
                    || (after.indexOf('\n') < 0 && after.startsWith(" ") && ENDS_SENTENCE.matcher(chunk).find());
            if (cleanStart && cleanEnd) {
                return before.isEmpty() && after.isEmpty() ? Result.WHOLE_LINES : Result.SHARED_LINES;
            }
        }
        return Result.CHANGED;
    }
}
