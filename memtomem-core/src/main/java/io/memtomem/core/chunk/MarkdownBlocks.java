package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Line-level structure inside one section: paragraphs, {@code **Label**} parts, and fence or table regions. */
final class MarkdownBlocks {

    /** A stripped piece of text; {@code atomic} marks a fence or pipe table that must never be cut. */
    record Region(Span span, boolean atomic) {
    }

    private static final Pattern LABEL_LINE = Pattern.compile("^\\*\\*[^*]+\\*\\*.*");

    private MarkdownBlocks() {
    }

    /** Splits on blank lines; a blank line inside a fence does not split, so a fence stays one block. */
    static List<Span> paragraphs(SourceText source, Span span) {
        List<Span> blocks = new ArrayList<>();
        FenceTracker fences = new FenceTracker();
        int blockStart = span.start();
        for (int line = firstLine(source, span); line <= lastLine(source, span); line++) {
            int start = Math.max(source.lineStart(line), span.start());
            int end = Math.min(source.lineEnd(line), span.end());
            boolean fenced = fences.accept(source.text(), start, end);
            if (!fenced && PyText.isBlank(source.text(), start, end)) {
                addStripped(source, blockStart, start, blocks);
                blockStart = end;
            }
        }
        addStripped(source, blockStart, span.end(), blocks);
        return blocks;
    }

    /** Splits before each {@code **Label**} line when there are at least two of them; otherwise the span stays whole. */
    static List<Span> labelParts(SourceText source, Span span) {
        List<Integer> labelStarts = new ArrayList<>();
        for (int line = firstLine(source, span); line <= lastLine(source, span); line++) {
            int start = Math.max(source.lineStart(line), span.start());
            int end = Math.min(source.lineEnd(line), span.end());
            if (LABEL_LINE.matcher(source.text().subSequence(start, end)).matches()) {
                labelStarts.add(start);
            }
        }
        if (labelStarts.size() < 2) {
            return List.of(span);
        }
        List<Span> parts = new ArrayList<>();
        int partStart = span.start();
        for (int labelStart : labelStarts) {
            addStripped(source, partStart, labelStart, parts);
            partStart = labelStart;
        }
        addStripped(source, partStart, span.end(), parts);
        return parts;
    }

    /** Cuts a span into runs of prose, fenced code and pipe-table lines. */
    static List<Region> regions(SourceText source, Span span) {
        List<Region> regions = new ArrayList<>();
        FenceTracker fences = new FenceTracker();
        int runStart = span.start();
        boolean runAtomic = false;
        for (int line = firstLine(source, span); line <= lastLine(source, span); line++) {
            int start = Math.max(source.lineStart(line), span.start());
            int end = Math.min(source.lineEnd(line), span.end());
            boolean atomic = fences.accept(source.text(), start, end) || isTableRow(source.text(), start, end);
            if (atomic != runAtomic) {
                addRegion(source, runStart, start, runAtomic, regions);
                runStart = start;
                runAtomic = atomic;
            }
        }
        addRegion(source, runStart, span.end(), runAtomic, regions);
        return regions;
    }

    private static boolean isTableRow(String text, int start, int end) {
        int i = start;
        while (i < end && PyText.isSpace(text.charAt(i))) {
            i++;
        }
        return i < end && text.charAt(i) == '|';
    }

    private static int firstLine(SourceText source, Span span) {
        return source.lineOf(span.start()) - 1;
    }

    private static int lastLine(SourceText source, Span span) {
        return source.lineOf(Math.max(span.start(), span.end() - 1)) - 1;
    }

    private static void addStripped(SourceText source, int start, int end, List<Span> out) {
        Span stripped = source.strip(start, end);
        if (stripped.length() > 0) {
            out.add(stripped);
        }
    }

    private static void addRegion(SourceText source, int start, int end, boolean atomic, List<Region> out) {
        Span stripped = source.strip(start, end);
        if (stripped.length() > 0) {
            out.add(new Region(stripped, atomic));
        }
    }
}
