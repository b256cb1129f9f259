package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** Computes a file's new text for an edit or delete of one entry; every line outside the entry is kept as-is. */
final class EntryRewriter {
    /** @param firstLine 1-based line where the new text starts, to find the re-indexed chunk */
    record Edited(String text, int firstLine) {}

    record Deleted(String text, int linesRemoved) {}

    private EntryRewriter() {}

    /**
     * Replaces the chunk's body and keeps the heading and header; content starting with {@code ## } replaces the
     * heading too, and the header then moves in front of it, the layout {@code add} writes for such content.
     *
     * @param tags null keeps the {@code > tags:} line; otherwise it is rewritten (removed when empty)
     */
    static Edited edit(FileLines file, EntrySpan span, String content, List<String> tags) {
        String body = stripTrailingLineBreaks(content) + "\n";
        List<String> header = header(file, span, tags);
        StringBuilder text = new StringBuilder();
        if (EntryBlock.startsWithHeading(content)) {
            text.append(file.join(0, span.entryStart()));
            if (!header.isEmpty()) {
                header.forEach(text::append);
                text.append('\n');
            }
            int firstLine = lineCount(text) + 1;
            text.append(body).append(file.join(span.bodyEnd(), file.size()));
            return new Edited(text.toString(), firstLine);
        }
        int headerStart = span.headerStart();
        int headerEnd = span.headerEnd();
        boolean newHeader = !span.hasHeader() && !header.isEmpty();
        if (tags != null && !span.hasHeader() && !span.hasHeading()) {
            throw new InvalidInputException("tags", "tags belong to an entry's first chunk, and this chunk starts in "
                    + "the middle of a section: edit the entry's first chunk to change its tags");
        }
        text.append(file.join(0, headerStart));
        if (newHeader) {
            terminateLastLine(text);
            text.append('\n'); // header lines sit between blank lines: "## x", "", "> tags: …", ""
        }
        header.forEach(text::append);
        if (newHeader && (headerEnd >= file.size() || !file.isBlank(headerEnd))) {
            text.append('\n');
        }
        text.append(file.join(headerEnd, span.bodyStart()));
        terminateLastLine(text);
        if (span.bodyStart() == span.bodyEnd()) {
            text.append('\n'); // an empty body had no blank line after the header yet
        }
        int firstLine = lineCount(text) + 1;
        text.append(body).append(file.join(span.bodyEnd(), file.size()));
        return new Edited(text.toString(), firstLine);
    }

    /**
     * Removes the entry (header, heading and the chunk's body) plus one blank line that separated it from its
     * neighbour, preferring the one before it: that is the newline {@code add} wrote ahead of the block.
     */
    static Deleted delete(FileLines file, EntrySpan span) {
        int from = span.entryStart();
        int to = span.bodyEnd();
        if (from > 0 && file.isBlank(from - 1)) {
            from--;
        } else if (to < file.size() && file.isBlank(to)) {
            to++;
        }
        return new Deleted(file.join(0, from) + file.join(to, file.size()), to - from);
    }

    /** The header lines to write: the existing ones, with the tags line replaced, dropped or added as asked. */
    private static List<String> header(FileLines file, EntrySpan span, List<String> tags) {
        List<String> lines = new ArrayList<>();
        for (int i = span.headerStart(); i < span.headerEnd(); i++) {
            String line = file.lines().get(i);
            lines.add(line.endsWith("\n") ? line : line + "\n"); // the file's last line may lack one
        }
        if (tags == null) {
            return lines;
        }
        lines.removeIf(line -> HeaderGroup.isField(line, "tags"));
        if (!tags.isEmpty()) {
            int afterCreated = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (HeaderGroup.isField(lines.get(i), "created")) {
                    afterCreated = i + 1;
                }
            }
            lines.add(afterCreated, EntryBlock.tagsLine(tags) + "\n");
        }
        return lines;
    }

    private static String stripTrailingLineBreaks(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }

    private static void terminateLastLine(StringBuilder text) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static int lineCount(StringBuilder text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
