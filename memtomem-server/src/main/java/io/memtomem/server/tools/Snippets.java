package io.memtomem.server.tools;

import java.util.List;

/** The small text pieces the compact formats share (memory-core §5.6–5.7). */
public final class Snippets {
    private static final String DEFAULT_NAMESPACE = "default";

    private Snippets() {
    }

    /** The first {@code max} characters, with an ellipsis when something was cut. */
    public static String head(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The last {@code max} characters, with an ellipsis when something was cut. */
    public static String tail(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }

    /** {@code ## A > ### B}: the heading breadcrumb of a chunk. */
    public static String hierarchy(List<String> headings) {
        return String.join(" > ", headings);
    }

    /** {@code " [ns]"} for a namespace other than {@code default}, else nothing. */
    public static String namespaceBadge(String namespace) {
        return namespace == null || namespace.equals(DEFAULT_NAMESPACE) ? "" : " [" + namespace + "]";
    }

    /** Hints as {@code (…)} lines after a blank line, or nothing. */
    public static String hintLines(List<String> hints) {
        StringBuilder text = new StringBuilder();
        for (String hint : hints) {
            text.append('\n').append(hint.startsWith("(") ? hint : "(" + hint + ")");
        }
        return text.isEmpty() ? "" : "\n" + text;
    }
}
