package io.memtomem.core.write;

/**
 * Where one chunk's entry sits in its file, as 0-based half-open line ranges.
 *
 * @param heading     the entry's heading line, or -1 when the chunk starts mid-section (an oversize split)
 * @param headerStart first line of the {@code > created:} / {@code > tags:} block; equal to headerEnd when there is
 *                    none (then it is where a new header would go)
 * @param headerLeads true when the header sits before the heading, as {@code add} writes it for content that brings
 *                    its own {@code ## } heading
 * @param bodyStart   first non-blank body line; equal to bodyEnd when the body is empty (then it is where a body goes)
 * @param bodyEnd     one past the chunk's last non-blank line
 */
record EntrySpan(int heading, int headerStart, int headerEnd, boolean headerLeads, int bodyStart, int bodyEnd) {

    boolean hasHeading() {
        return heading >= 0;
    }

    boolean hasHeader() {
        return headerEnd > headerStart;
    }

    /** The first line that belongs to this entry: its leading header, its heading, or the chunk's first text line. */
    int entryStart() {
        if (headerLeads && hasHeader()) {
            return headerStart;
        }
        return hasHeading() ? heading : bodyStart;
    }
}
