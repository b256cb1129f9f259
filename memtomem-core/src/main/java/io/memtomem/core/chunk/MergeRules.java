package io.memtomem.core.chunk;

import java.util.List;

/**
 * Whether two neighbouring chunks of one file may merge, and the breadcrumb of the result. Every call concerns
 * chunks of the same file, because post-processing runs per file.
 */
final class MergeRules {

    private MergeRules() {
    }

    /**
     * @param current       the chunk that would absorb {@code next}
     * @param next          the following chunk
     * @param currentIsShort relaxes the rule to same-root or deeper-root neighbours, for chunks under the minimum
     */
    static boolean canMerge(List<String> current, List<String> next, boolean currentIsShort) {
        if (current.equals(next) || current.isEmpty()) {
            return true;
        }
        if (next.isEmpty()) {
            return false;
        }
        // Distinct top-level entries (the "## X" entries of a day file) must stay separate chunks.
        if (current.size() == 1 && next.size() == 1
                && SectionSplitter.levelOf(current.get(0)) == SectionSplitter.levelOf(next.get(0))) {
            return false;
        }
        if (current.size() == next.size() && current.size() >= 2
                && current.subList(0, current.size() - 1).equals(next.subList(0, next.size() - 1))) {
            return true;
        }
        if (isStrictPrefix(current, next) || isStrictPrefix(next, current)) {
            return true;
        }
        return currentIsShort && (current.get(0).equals(next.get(0))
                || SectionSplitter.levelOf(current.get(0)) > SectionSplitter.levelOf(next.get(0)));
    }

    /** The shared breadcrumb: the common prefix, or the other side's when one side has no heading. */
    static List<String> mergedHierarchy(List<String> a, List<String> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        int common = 0;
        while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
            common++;
        }
        return a.subList(0, common);
    }

    private static boolean isStrictPrefix(List<String> shorter, List<String> longer) {
        return shorter.size() < longer.size() && longer.subList(0, shorter.size()).equals(shorter);
    }
}
