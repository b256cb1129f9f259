package io.memtomem.core.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts markdown into heading sections. A heading is a line matching {@code ^(#{1,6})\s+(.+)$} outside fenced code;
 * it starts a section whose breadcrumb is its ancestors of a lower level plus itself ({@code "## Title"}). The
 * heading line itself is not part of the section body. Text before the first heading is a headingless section.
 */
final class SectionSplitter {

    /**
     * @param hierarchy   heading breadcrumb; empty for the text before the first heading
     * @param headingLine 1-based line of the heading, or 0 when there is none
     * @param body        the section text after the heading line, unstripped
     */
    record Section(List<String> hierarchy, int headingLine, Span body) {
    }

    private SectionSplitter() {
    }

    static List<Section> split(SourceText source) {
        String text = source.text();
        List<Section> sections = new ArrayList<>();
        List<String> ancestors = new ArrayList<>();
        List<String> hierarchy = List.of();
        int headingLine = 0;
        int bodyStart = 0;
        FenceTracker fences = new FenceTracker();
        int lines = source.lineCount();
        for (int line = 0; line < lines; line++) {
            int start = source.lineStart(line);
            int end = source.lineEnd(line);
            if (fences.accept(text, start, end)) {
                continue;
            }
            int level = headingLevel(text, start, end);
            if (level == 0) {
                continue;
            }
            sections.add(new Section(hierarchy, headingLine, new Span(bodyStart, start)));
            while (!ancestors.isEmpty() && levelOf(ancestors.get(ancestors.size() - 1)) >= level) {
                ancestors.remove(ancestors.size() - 1);
            }
            String title = PyText.strip(text.substring(start + level, end));
            ancestors.add("#".repeat(level) + " " + title);
            hierarchy = List.copyOf(ancestors);
            headingLine = line + 1;
            bodyStart = Math.min(end + 1, text.length());
        }
        sections.add(new Section(hierarchy, headingLine, new Span(bodyStart, text.length())));
        return sections;
    }

    /** Number of leading {@code #} in a {@code "## Title"} breadcrumb entry. */
    static int levelOf(String heading) {
        int level = 0;
        while (level < heading.length() && heading.charAt(level) == '#') {
            level++;
        }
        return level;
    }

    /**
     * The heading level of a line, or 0. Same as the reference's {@code ^(#{1,6})\s+(.+)$}: after the hashes comes
     * whitespace and then at least one more character.
     */
    private static int headingLevel(String text, int start, int end) {
        int level = 0;
        while (start + level < end && text.charAt(start + level) == '#') {
            level++;
        }
        if (level == 0 || level > 6) {
            return 0;
        }
        int afterHashes = start + level;
        return end - afterHashes >= 2 && PyText.isSpace(text.charAt(afterHashes)) ? level : 0;
    }
}
