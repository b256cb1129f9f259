package io.memtomem.core.scope;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The {@code scope} part of a query: a comma list of scope names applied inside the SQL (memory-core.md §5.1), so
 * rows of other tiers never enter a leg and a filtered search still fills {@code top_k}. Empty = every scope.
 */
public final class ScopeFilter {
    public static final ScopeFilter ALL = new ScopeFilter(List.of());

    private final List<String> names;

    private ScopeFilter(List<String> names) {
        this.names = names;
    }

    /** Parses a comma list; a bad name is an error naming {@code parameter} and the valid names. */
    public static ScopeFilter parse(String parameter, String raw) {
        Set<Scope> scopes = Scope.parseList(parameter, raw);
        return scopes.isEmpty() ? ALL : new ScopeFilter(scopes.stream().map(Scope::wireName).sorted().toList());
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The predicate over {@code column}, or {@code 1} when every scope passes. */
    public String sql(String column) {
        if (names.isEmpty()) {
            return "1";
        }
        return column + " IN (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")";
    }

    public List<Object> params() {
        return List.copyOf(names);
    }
}
