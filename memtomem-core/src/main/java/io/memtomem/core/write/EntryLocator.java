package io.memtomem.core.write;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.store.StoredChunk;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a chunk's entry in the current file text. The chunk's start line may be its heading line (a section starts at
 * its heading) or its first body line (the heading is not part of the chunk text), so the heading is searched upward
 * across blank and header lines only; further up belongs to another chunk.
 */
final class EntryLocator {
    private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+\\S.*");

    private EntryLocator() {}

    /**
     * @throws MemtomemException when the file no longer holds the chunk's text on its recorded lines, or when those
     *                           lines also hold a neighbouring chunk's text, so replacing them would damage it
     */
    static EntrySpan locate(FileLines file, StoredChunk chunk) {
        int first = chunk.startLine() - 1;
        // a chunker may count the empty "line" after a final newline
        int last = Math.min(chunk.endLine(), file.size()) - 1;
        ChunkMatch.Result match = first < 0 || first > last ? ChunkMatch.Result.CHANGED
                : ChunkMatch.of(file, first, last, chunk.content());
        if (match == ChunkMatch.Result.CHANGED) {
            throw changed(chunk);
        }
        if (match == ChunkMatch.Result.SHARED_LINES) {
            throw new MemtomemException("Chunk " + chunk.id() + " is part of a long entry that the indexer split in "
                    + "the middle of a line, so its lines also hold a neighbouring chunk: edit " + chunk.source()
                    + " directly");
        }
        int heading = headingOf(file, first);
        if (!underItsHeading(file, heading, chunk.hierarchy())) {
            throw changed(chunk);
        }
        int headerStart = heading + 1;
        int headerEnd = headerStart;
        boolean headerLeads = false;
        if (heading >= 0) {
            int groupStart = skipBlank(file, heading + 1, file.size());
            int groupEnd = headerGroupEnd(file, groupStart);
            if (groupEnd > groupStart) {
                headerStart = groupStart;
                headerEnd = groupEnd;
            } else {
                int leadStart = leadingHeaderStart(file, heading);
                if (leadStart >= 0) {
                    headerStart = leadStart;
                    headerEnd = heading - 1;
                    headerLeads = true;
                }
            }
        }
        int bodyFrom = heading < 0 ? first : headerLeads ? heading + 1 : headerEnd;
        int bodyStart = skipBlank(file, bodyFrom, last + 1);
        if (bodyStart > last) {
            return new EntrySpan(heading, headerStart, headerEnd, headerLeads, bodyFrom, bodyFrom);
        }
        int bodyEnd = last + 1;
        while (file.isBlank(bodyEnd - 1)) {
            bodyEnd--;
        }
        return new EntrySpan(heading, headerStart, headerEnd, headerLeads, bodyStart, bodyEnd);
    }

    private static MemtomemException changed(StoredChunk chunk) {
        return new MemtomemException("Chunk " + chunk.id() + " is no longer on lines " + chunk.startLine() + "-"
                + chunk.endLine() + " of " + chunk.source() + " (the file changed since indexing): "
                + "re-run mm index, then retry");
    }

    /**
     * Whether the heading above the chunk's lines is the chunk's own: sections with the same body differ only there,
     * so without this check a stale id would hit the entry that moved into its lines. A merged chunk's breadcrumb is
     * the common prefix of its parts, so a deeper heading than the breadcrumb's last one is its own too.
     */
    private static boolean underItsHeading(FileLines file, int heading, List<String> hierarchy) {
        if (heading < 0) {
            return true; // a later piece of a split section: no heading of its own to compare
        }
        if (hierarchy.isEmpty()) {
            return false;
        }
        String own = ChunkMatch.normalizedLine(file.text(heading));
        String last = ChunkMatch.normalizedLine(hierarchy.get(hierarchy.size() - 1));
        return own.equals(last) || level(own) > level(last);
    }

    private static int level(String heading) {
        int level = 0;
        while (level < heading.length() && heading.charAt(level) == '#') {
            level++;
        }
        return level;
    }

    private static int headingOf(FileLines file, int first) {
        if (isHeading(file, first)) {
            return first;
        }
        int above = first - 1;
        while (above >= 0 && (file.isBlank(above) || isQuote(file, above))) {
            above--;
        }
        if (above < 0 || !isHeading(file, above)) {
            return -1;
        }
        // quote lines in between are only allowed as this entry's header, not as body text of a chunk further up
        int groupStart = skipBlank(file, above + 1, first);
        if (groupStart == first) {
            return above;
        }
        int groupEnd = headerGroupEnd(file, groupStart);
        return groupEnd > groupStart && skipBlank(file, groupEnd, first) == first ? above : -1;
    }

    /**
     * The header that {@code add} writes before content bringing its own heading: {@code > created:} lines, one blank
     * line, the heading. Rejected when a heading right above owns that quote block as its own header.
     */
    private static int leadingHeaderStart(FileLines file, int heading) {
        int blank = heading - 1;
        if (blank < 1 || !file.isBlank(blank)) {
            return -1;
        }
        int groupStart = blank;
        while (groupStart > 0 && isQuote(file, groupStart - 1)) {
            groupStart--;
        }
        if (groupStart == blank || headerGroupEnd(file, groupStart) != blank) {
            return -1;
        }
        int above = groupStart - 1;
        while (above >= 0 && file.isBlank(above)) {
            above--;
        }
        return above >= 0 && isHeading(file, above) ? -1 : groupStart;
    }

    /** @return the end of the header group starting at {@code start} when it has a created or tags field, else start */
    private static int headerGroupEnd(FileLines file, int start) {
        int end = HeaderGroup.end(file, start);
        boolean header = HeaderGroup.has(file, start, end, "created") || HeaderGroup.has(file, start, end, "tags");
        return header ? end : start;
    }

    private static int skipBlank(FileLines file, int from, int limit) {
        int index = from;
        while (index < limit && index < file.size() && file.isBlank(index)) {
            index++;
        }
        return index;
    }

    static boolean isHeading(FileLines file, int index) {
        return isHeading(file.text(index));
    }

    static boolean isHeading(String line) {
        return HEADING.matcher(line).matches();
    }

    private static boolean isQuote(FileLines file, int index) {
        return file.text(index).startsWith(">");
    }
}
