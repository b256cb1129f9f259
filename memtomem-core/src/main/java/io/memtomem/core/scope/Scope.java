package io.memtomem.core.scope;

import io.memtomem.core.InvalidInputException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tier a memory belongs to (memory-core.md §1.1): the user's own memory dirs, or a project's memory shared through
 * git ({@code <project>/.memtomem/memories}) or kept local to one checkout ({@code .memtomem/memories.local}).
 */
public enum Scope {
    USER("user"),
    PROJECT_SHARED("project_shared"),
    PROJECT_LOCAL("project_local");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored in {@code chunks.scope} and accepted by the tools. */
    public String wireName() {
        return wireName;
    }

    /** One scope name; anything else is an error naming {@code parameter} and the valid names. */
    public static Scope parse(String parameter, String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        throw new InvalidInputException(parameter, parameter + " must be one of " + validNames() + ", got '" + raw
                + "'");
    }

    /** A comma list of scope names; null or blank means every scope (an empty set). */
    public static Set<Scope> parseList(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : raw.split(",", -1)) {
            scopes.add(parse(parameter, name));
        }
        return scopes;
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }
}
