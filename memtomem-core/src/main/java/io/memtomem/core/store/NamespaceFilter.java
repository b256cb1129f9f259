package io.memtomem.core.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The namespace part of a query (memory-core.md §1.6): exact, a comma list, or a {@code *} glob turned into SQL
 * {@code LIKE}. With nothing pinned, namespaces starting with a system prefix ({@code archive:},
 * {@code agent-runtime:}) are hidden.
 */
public final class NamespaceFilter {
    private final List<String> patterns;
    private final List<String> hiddenPrefixes;

    private NamespaceFilter(List<String> patterns, List<String> hiddenPrefixes) {
        this.patterns = patterns;
        this.hiddenPrefixes = hiddenPrefixes;
    }

    public static NamespaceFilter parse(String raw, List<String> systemPrefixes) {
        if (raw == null || raw.isBlank()) {
            return new NamespaceFilter(List.of(), systemPrefixes.stream().filter(p -> !p.isEmpty()).toList());
        }
        List<String> patterns = Arrays.stream(raw.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new NamespaceFilter(patterns, List.of());
    }

    /** Whether the caller named namespaces (exact, list or glob). */
    public boolean isPinned() {
        return !patterns.isEmpty();
    }

    public boolean hidesSystemNamespaces() {
        return !hiddenPrefixes.isEmpty();
    }

    public List<String> hiddenPrefixes() {
        return hiddenPrefixes;
    }

    /** The predicate over {@code column}, or {@code 1} when nothing is filtered. */
    public String sql(String column) {
        if (!patterns.isEmpty()) {
            List<String> terms = new ArrayList<>();
            for (String pattern : patterns) {
                terms.add(pattern.contains("*") ? column + " LIKE ? ESCAPE '\\'" : column + " = ?");
            }
            return "(" + String.join(" OR ", terms) + ")";
        }
        if (hiddenPrefixes.isEmpty()) {
            return "1";
        }
        return "NOT (" + hiddenSql(column) + ")";
    }

    public List<Object> params() {
        if (!patterns.isEmpty()) {
            return patterns.stream().map(p -> (Object) (p.contains("*") ? likePattern(p) : p)).toList();
        }
        return hiddenParams();
    }

    /**
     * Predicate selecting exactly the rows this filter hides (for the "N hidden" hint). Prefixes are matched as
     * case-sensitive ranges so the namespace index answers it without a table scan.
     */
    public String hiddenSql(String column) {
        List<String> terms = new ArrayList<>();
        hiddenPrefixes.forEach(prefix -> terms.add("(" + column + " >= ? AND " + column + " < ?)"));
        return terms.isEmpty() ? "0" : "(" + String.join(" OR ", terms) + ")";
    }

    public List<Object> hiddenParams() {
        List<Object> params = new ArrayList<>();
        for (String prefix : hiddenPrefixes) {
            params.add(prefix);
            params.add(prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
        }
        return params;
    }

    private static String likePattern(String glob) {
        return glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
    }
}
