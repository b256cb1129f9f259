package io.memtomem.server.tools.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool parameter: its JSON-schema rendering and the validation of a value a client sent. Both come from the same
 * declaration so the schema a host sees and the checks the server runs cannot drift apart. Immutable; each refinement
 * returns a copy.
 */
public record Param(String name, Kind kind, String description, boolean mandatory, Object defaultValue,
                    Long minimum, Long maximum, Integer maxLength, Integer maxItems, List<String> allowed,
                    InputSchema items) {

    /** The JSON types the tools use; {@code OBJECT} is a free-form object, {@code OBJECT_LIST} follows {@link #items}. */
    public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, STRING_LIST, OBJECT, OBJECT_LIST }

    public Param {
        allowed = List.copyOf(allowed);
    }

    public static Param string(String name, String description) {
        return new Param(name, Kind.STRING, description, false, null, null, null, null, null, List.of(), null);
    }

    public static Param integer(String name, String description) {
        return new Param(name, Kind.INTEGER, description, false, null, null, null, null, null, List.of(), null);
    }

    public static Param number(String name, String description) {
        return new Param(name, Kind.NUMBER, description, false, null, null, null, null, null, List.of(), null);
    }

    public static Param bool(String name, String description) {
        return new Param(name, Kind.BOOLEAN, description, false, null, null, null, null, null, List.of(), null);
    }

    public static Param stringList(String name, String description) {
        return new Param(name, Kind.STRING_LIST, description, false, null, null, null, null, null, List.of(), null);
    }

    public static Param object(String name, String description) {
        return new Param(name, Kind.OBJECT, description, false, null, null, null, null, null, List.of(), null);
    }

    public static Param objectList(String name, String description, InputSchema items) {
        return new Param(name, Kind.OBJECT_LIST, description, false, null, null, null, null, null, List.of(), items);
    }

    public Param withDescription(String text) {
        return new Param(name, kind, text, mandatory, defaultValue, minimum, maximum, maxLength, maxItems, allowed,
                items);
    }

    public Param required() {
        return new Param(name, kind, description, true, defaultValue, minimum, maximum, maxLength, maxItems, allowed,
                items);
    }

    public Param defaultValue(Object value) {
        return new Param(name, kind, description, mandatory, value, minimum, maximum, maxLength, maxItems, allowed,
                items);
    }

    /** Inclusive bounds of an integer or a number. */
    public Param range(long min, long max) {
        return new Param(name, kind, description, mandatory, defaultValue, min, max, maxLength, maxItems, allowed,
                items);
    }

    public Param atLeast(long min) {
        return new Param(name, kind, description, mandatory, defaultValue, min, maximum, maxLength, maxItems, allowed,
                items);
    }

    public Param maxLength(int max) {
        return new Param(name, kind, description, mandatory, defaultValue, minimum, maximum, max, maxItems, allowed,
                items);
    }

    public Param maxItems(int max) {
        return new Param(name, kind, description, mandatory, defaultValue, minimum, maximum, maxLength, max, allowed,
                items);
    }

    public Param oneOf(String... values) {
        return new Param(name, kind, description, mandatory, defaultValue, minimum, maximum, maxLength, maxItems,
                List.of(values), items);
    }

    /**
     * The JSON-schema fragment of this parameter: a single type, no {@code null} (a union type breaks strict schema
     * consumers, #16); an optional parameter is simply left out, and {@link #read} still treats null as absent.
     */
    public Map<String, Object> toJsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        String type = switch (kind) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case STRING_LIST, OBJECT_LIST -> "array";
            case OBJECT -> "object";
        };
        schema.put("type", type);
        schema.put("description", description);
        if (defaultValue != null) {
            schema.put("default", defaultValue);
        }
        if (!allowed.isEmpty()) {
            schema.put("enum", allowed);
        }
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        if (kind == Kind.STRING && mandatory) {
            schema.put("minLength", 1);
        }
        if (maxLength != null) {
            schema.put("maxLength", maxLength);
        }
        if (kind == Kind.STRING_LIST) {
            schema.put("items", Map.of("type", "string"));
        }
        if (kind == Kind.OBJECT_LIST) {
            schema.put("items", items.toJsonSchema());
            schema.put("minItems", 1);
        }
        if (maxItems != null) {
            schema.put("maxItems", maxItems);
        }
        return schema;
    }

    /** One line for {@code mem_do help}: type, constraints and default. */
    public String signature() {
        StringBuilder text = new StringBuilder(switch (kind) {
            case STRING -> allowed.isEmpty() ? "string" : String.join("|", allowed);
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case STRING_LIST -> "list of strings";
            case OBJECT -> "object";
            case OBJECT_LIST -> "list of objects {" + String.join(", ", items.names()) + "}";
        });
        if (minimum != null && maximum != null) {
            text.append(' ').append(minimum).append('-').append(maximum);
        }
        if (mandatory) {
            text.append(", required");
        } else if (defaultValue != null) {
            text.append(", default ").append(defaultValue);
        }
        return text.toString();
    }

    /** The validated value (the default when {@code raw} is null), or {@link ArgumentException}. */
    Object read(Object raw) {
        if (raw == null) {
            if (mandatory) {
                throw new ArgumentException(name, name + " is required: pass " + expected() + ".");
            }
            return defaultValue;
        }
        return switch (kind) {
            case STRING -> readString(raw);
            case INTEGER -> readInteger(raw);
            case NUMBER -> readNumber(raw);
            case BOOLEAN -> readBoolean(raw);
            case STRING_LIST -> readStringList(raw);
            case OBJECT -> readObject(raw);
            case OBJECT_LIST -> readObjectList(raw);
        };
    }

    private String readString(Object raw) {
        if (!(raw instanceof String value)) {
            throw wrongType(raw);
        }
        if (mandatory && value.isBlank()) {
            throw new ArgumentException(name, name + " must not be empty: pass " + expected() + ".");
        }
        if (maxLength != null && value.length() > maxLength) {
            throw new ArgumentException(name, name + " is too long (" + value.length() + " characters): pass at most "
                    + maxLength + " characters.");
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new ArgumentException(name, name + " must be one of " + String.join(", ", allowed)
                    + " (got \"" + value + "\").");
        }
        return value;
    }

    private Integer readInteger(Object raw) {
        BigDecimal value = decimal(raw);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            throw wrongType(raw);
        }
        BigInteger whole = value.toBigIntegerExact();
        long low = minimum == null ? Integer.MIN_VALUE : minimum;
        long high = maximum == null ? Integer.MAX_VALUE : maximum;
        if (whole.compareTo(BigInteger.valueOf(low)) < 0 || whole.compareTo(BigInteger.valueOf(high)) > 0) {
            throw new ArgumentException(name, name + " must be " + rangeText() + " (got " + whole + ").");
        }
        return whole.intValueExact();
    }

    private Double readNumber(Object raw) {
        BigDecimal value = decimal(raw);
        if (value == null) {
            throw wrongType(raw);
        }
        double number = value.doubleValue();
        if (Double.isInfinite(number) || minimum != null && number < minimum || maximum != null && number > maximum) {
            throw new ArgumentException(name, name + " must be " + expected() + " (got " + raw + ").");
        }
        return number;
    }

    private Boolean readBoolean(Object raw) {
        if (raw instanceof Boolean value) {
            return value;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Boolean.valueOf((String) raw);
        }
        throw wrongType(raw);
    }

    private List<String> readStringList(Object raw) {
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw wrongType(raw);
        }
        checkSize(list);
        return list.stream().map(String.class::cast).toList();
    }

    private Map<String, Object> readObject(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw wrongType(raw);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private List<Args> readObjectList(Object raw) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw wrongType(raw);
        }
        checkSize(list);
        List<Args> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?>)) {
                throw wrongType(raw);
            }
            try {
                entries.add(items.read(readObject(list.get(i))));
            } catch (ArgumentException e) {
                throw new ArgumentException(name, name + "[" + i + "]: " + e.getMessage());
            }
        }
        return entries;
    }

    private void checkSize(List<?> list) {
        if (maxItems != null && list.size() > maxItems) {
            throw new ArgumentException(name, name + " has " + list.size() + " items: pass at most " + maxItems + ".");
        }
    }

    private static BigDecimal decimal(Object raw) {
        try {
            if (raw instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            if (raw instanceof String text) {
                return new BigDecimal(text.strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private ArgumentException wrongType(Object raw) {
        String got = raw instanceof String ? "\"" + raw + "\"" : String.valueOf(raw);
        if (got.length() > 80) {
            got = got.substring(0, 80) + "…";
        }
        return new ArgumentException(name, name + " must be " + expected() + " (got " + got + ").");
    }

    private String expected() {
        return switch (kind) {
            case STRING -> allowed.isEmpty() ? "a string" : "one of " + String.join(", ", allowed);
            case INTEGER -> rangeText();
            case NUMBER -> minimum == null ? "a number" : "a number of at least " + minimum;
            case BOOLEAN -> "true or false";
            case STRING_LIST -> "a list of strings, e.g. [\"redis\", \"perf\"]";
            case OBJECT -> "an object";
            case OBJECT_LIST -> "a non-empty list of objects with " + String.join(", ", items.names());
        };
    }

    private String rangeText() {
        if (minimum != null && maximum != null) {
            return "an integer from " + minimum + " to " + maximum;
        }
        return minimum != null ? "an integer of at least " + minimum : "an integer";
    }
}
