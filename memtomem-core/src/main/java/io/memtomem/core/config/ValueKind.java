package io.memtomem.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.memtomem.core.json.Jackson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value types a config key can have, with the two input forms they accept: JSON (config.json) and text
 * (environment variables, {@code mm config set}). List values given as text must be JSON arrays, as in the reference.
 */
public enum ValueKind {
    STRING("a string"),
    INT("an integer"),
    DOUBLE("a number"),
    BOOL("true or false"),
    PATH("a path"),
    OBJECT("a JSON object"),
    STRING_LIST("a JSON list of strings, e.g. [\"a\", \"b\"]"),
    PATH_LIST("a JSON list of paths, e.g. [\"~/notes\"]"),
    DOUBLE_LIST("a JSON list of numbers, e.g. [1.0, 1.0]"),
    /** Lists of objects such as {@code namespace.rules}; kept as JSON, element fields are the reference's business. */
    OBJECT_LIST("a JSON list of objects, e.g. [{\"path_glob\": \"**/work/**\", \"namespace\": \"work\"}]");

    private final String expected;

    ValueKind(String expected) {
        this.expected = expected;
    }

    String expected() {
        return expected;
    }

    boolean isList() {
        return this == STRING_LIST || this == PATH_LIST || this == DOUBLE_LIST || this == OBJECT_LIST;
    }

    /** The example in {@link #expected()}, e.g. {@code ["~/notes"]}, for commands printed in messages. */
    String example() {
        int at = expected.indexOf("e.g. ");
        return at < 0 ? expected : expected.substring(at + "e.g. ".length());
    }

    /** Converts a JSON value; throws {@link IllegalArgumentException} with what was expected. */
    Object fromJson(JsonNode node, Environment environment) {
        if (isList()) {
            if (!node.isArray()) {
                throw mismatch(node.toString());
            }
            List<Object> items = new ArrayList<>();
            ValueKind element = elementKind();
            for (JsonNode item : node) {
                try {
                    items.add(element.fromJson(item, environment));
                } catch (IllegalArgumentException e) {
                    throw mismatch(node.toString());
                }
            }
            return List.copyOf(items);
        }
        if (node.isTextual()) {
            return fromText(node.asText(), environment);
        }
        // pydantic's lax mode, as the reference reads its config: 10.0 is an integer, 0 and 1 are booleans
        return switch (this) {
            case INT -> {
                boolean integral = node.isIntegralNumber()
                        || node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue());
                if (!integral || !node.canConvertToInt()) {
                    throw mismatch(node.toString());
                }
                yield node.intValue();
            }
            case DOUBLE -> {
                if (!node.isNumber()) {
                    throw mismatch(node.toString());
                }
                yield node.doubleValue();
            }
            case BOOL -> {
                if (node.isIntegralNumber() && (node.intValue() == 0 || node.intValue() == 1)) {
                    yield node.intValue() == 1;
                }
                if (!node.isBoolean()) {
                    throw mismatch(node.toString());
                }
                yield node.booleanValue();
            }
            case OBJECT -> {
                if (!node.isObject()) {
                    throw mismatch(node.toString());
                }
                yield node.deepCopy();
            }
            default -> throw mismatch(node.toString());
        };
    }

    /** Converts text as given in an environment variable or on the command line. */
    Object fromText(String raw, Environment environment) {
        String text = raw.strip();
        switch (this) {
            case STRING:
                return raw;
            case PATH:
                if (text.isEmpty()) {
                    throw mismatch(raw);
                }
                return expandPath(text, environment);
            case INT:
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw mismatch(raw);
                }
            case DOUBLE:
                try {
                    double value = Double.parseDouble(text);
                    if (!Double.isFinite(value)) {
                        throw mismatch(raw);
                    }
                    return value;
                } catch (NumberFormatException e) {
                    throw mismatch(raw);
                }
            case BOOL:
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes", "on", "t", "y" -> true;
                    case "false", "0", "no", "off", "f", "n" -> false;
                    default -> throw mismatch(raw);
                };
            default:
                try {
                    return fromJson(Jackson.readTree(text), environment);
                } catch (JsonProcessingException e) {
                    throw mismatch(raw);
                }
        }
    }

    /** A builder's Java value as JSON (paths as their text), to be read like a config.json value. */
    static JsonNode treeOf(Object value) {
        if (value instanceof Path path) {
            return JsonNodeFactory.instance.textNode(path.toString());
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> array.add(treeOf(item)));
            return array;
        }
        return Jackson.mapper().valueToTree(value);
    }

    /** The JSON written to config.json; paths under the home directory are stored as {@code ~/...}. */
    JsonNode toJson(Object value, Environment environment) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(elementKind().toJson(item, environment)));
            return array;
        }
        return switch (this) {
            case INT -> nodes.numberNode((Integer) value);
            case DOUBLE -> nodes.numberNode((Double) value);
            case BOOL -> nodes.booleanNode((Boolean) value);
            case PATH -> nodes.textNode(homeRelative((Path) value, environment));
            case OBJECT -> (JsonNode) value;
            default -> nodes.textNode(String.valueOf(value));
        };
    }

    private ValueKind elementKind() {
        return switch (this) {
            case PATH_LIST -> PATH;
            case DOUBLE_LIST -> DOUBLE;
            case OBJECT_LIST -> OBJECT;
            default -> STRING;
        };
    }

    private IllegalArgumentException mismatch(String got) {
        return new IllegalArgumentException("expected " + expected + ", got " + abbreviate(got));
    }

    static Path expandPath(String text, Environment environment) {
        Path path;
        if (text.equals("~")) {
            path = environment.userHome();
        } else if (text.startsWith("~/") || text.startsWith("~\\")) {
            path = environment.userHome().resolve(text.substring(2));
        } else {
            path = environment.cwd().resolve(text);
        }
        return path.toAbsolutePath().normalize();
    }

    private static String homeRelative(Path path, Environment environment) {
        Path home = environment.userHome();
        if (path.startsWith(home) && !path.equals(home)) {
            return "~/" + home.relativize(path).toString().replace('\\', '/');
        }
        return path.toString();
    }

    private static String abbreviate(String text) {
        String quoted = '"' + text + '"';
        return quoted.length() > 80 ? quoted.substring(0, 77) + "...\"" : quoted;
    }
}
