package io.memtomem.core.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One known configuration key: its dotted name, type, default (as text, so path defaults expand against the
 * environment's home) and a constraint that returns a problem description or {@code null}.
 */
record ConfigKey(String name, ValueKind kind, String defaultText, Function<Object, String> constraint) {

    String section() {
        return name.substring(0, name.indexOf('.'));
    }

    String field() {
        return name.substring(name.indexOf('.') + 1);
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
