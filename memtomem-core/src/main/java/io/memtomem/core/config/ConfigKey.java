package io.memtomem.core.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of the key table: dotted name, type, default (as text, so path defaults expand against the environment's
 * home), a constraint that returns a problem description or {@code null}, and what the key means here: whether this
 * build honours it or only accepts it (a key of the Python memtomem with no behaviour here), whether an MCP client may
 * change it, whether its value is a secret, and a one-line help.
 */
public record ConfigKey(String name, ValueKind kind, String defaultText, Function<Object, String> constraint,
                        boolean honoured, boolean mcpWritable, boolean secret, String help) {

    static final String NO_EFFECT_HELP = "Setting of the Python memtomem; accepted, no effect in memtomem-java.";

    /** An honoured key an MCP client may change; narrow it with the {@code with...} methods in the table. */
    static ConfigKey of(String name, ValueKind kind, String defaultText, Function<Object, String> constraint,
                        String help) {
        return new ConfigKey(name, kind, defaultText, constraint, true, true, false, help);
    }

    /** A key of the Python memtomem that this build accepts without giving it behaviour. */
    static ConfigKey accepted(String name, ValueKind kind, String defaultText) {
        return new ConfigKey(name, kind, defaultText, any(), false, true, false, NO_EFFECT_HELP);
    }

    /** Only a person at a terminal ({@code mm config set}) may change it: it moves the boundary or sends data out. */
    ConfigKey terminalOnly() {
        return new ConfigKey(name, kind, defaultText, constraint, honoured, false, secret, help);
    }

    /** Shown masked by {@code mm config show} and {@code mem_do config}; implies {@link #terminalOnly()}. */
    ConfigKey secretValue() {
        return new ConfigKey(name, kind, defaultText, constraint, honoured, false, true, help);
    }

    public String section() {
        return name.substring(0, name.indexOf('.'));
    }

    public String field() {
        return name.substring(name.indexOf('.') + 1);
    }

    /** The {@code mm config set} command a person runs to change this key, for refusals that point at it. */
    public String setCommand() {
        return "mm config set " + name + " " + (kind.isList() ? "'" + kind.example() + "'" : "<value>");
    }

    Object defaultValue(Environment environment) {
        return kind.fromText(defaultText, environment);
    }

    /** Parses text and checks the constraint; the error names the key. */
    Object parseText(String raw, Environment environment, String where) {
        try {
            return checked(kind.fromText(raw, environment), where);
        } catch (IllegalArgumentException e) {
            throw invalid(where, e.getMessage());
        }
    }

    Object parseJson(com.fasterxml.jackson.databind.JsonNode node, Environment environment, String where) {
        try {
            return checked(kind.fromJson(node, environment), where);
        } catch (IllegalArgumentException e) {
            throw invalid(where, e.getMessage());
        }
    }

    private Object checked(Object value, String where) {
        String problem = constraint.apply(value);
        if (problem != null) {
            throw invalid(where, problem + ", got " + value);
        }
        return value;
    }

    ConfigException invalid(String where, String problem) {
        return new ConfigException(name, "invalid value for config key '" + name + "'" + where + ": " + problem);
    }

    static Function<Object, String> any() {
        return value -> null;
    }

    /**
     * A database file, not one of SQLite's special names: {@code :memory:} would be private to one process (the
     * server and {@code mm} would each see their own empty index, lost at exit) while the pid-file lock treats it as
     * a store, and the path code would create a file literally named {@code :memory:} in the working directory.
     */
    static Function<Object, String> databaseFile() {
        return value -> {
            for (Path element : (Path) value) {
                String name = element.toString();
                if (name.equals(":memory:") || name.startsWith("file:")) {
                    return "an in-memory database or SQLite URI (" + name + ") cannot be shared by the server and mm; "
                            + "name a database file, e.g. ~/.memtomem/memtomem.db";
                }
            }
            return null;
        };
    }

    static Function<Object, String> intRange(int min, int max) {
        return value -> {
            int number = (Integer) value;
            return number < min || number > max ? "expected an integer between " + min + " and " + max : null;
        };
    }

    static Function<Object, String> atLeast(int min) {
        return value -> (Integer) value < min ? "expected an integer >= " + min : null;
    }

    static Function<Object, String> positiveNumber() {
        return value -> (Double) value <= 0 ? "expected a number > 0" : null;
    }

    static Function<Object, String> oneOf(String... allowed) {
        Set<String> options = Set.of(allowed);
        return value -> options.contains(((String) value).toLowerCase(Locale.ROOT))
                ? null : "expected one of " + String.join(", ", sorted(options));
    }

    static Function<Object, String> maxItems(int max) {
        return value -> ((Collection<?>) value).size() > max ? "expected at most " + max + " entries" : null;
    }

    private static List<String> sorted(Set<String> options) {
        return options.stream().sorted().toList();
    }
}
