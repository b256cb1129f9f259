package io.memtomem.server.tools.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parameters of one tool or {@code mem_do} action: rendered as the tool's JSON input schema
 * ({@code additionalProperties: false}) and used to validate and default the arguments a client sends.
 */
public final class InputSchema {
    private final Map<String, Param> params = new LinkedHashMap<>();

    private InputSchema(List<Param> params) {
        for (Param param : params) {
            if (this.params.put(param.name(), param) != null) {
                throw new IllegalArgumentException("duplicate parameter " + param.name());
            }
        }
    }

    public static InputSchema of(Param... params) {
        return new InputSchema(Arrays.asList(params));
    }

    /** This schema plus {@code more} (shared parameter groups such as the output format). */
    public InputSchema with(Param... more) {
        return new InputSchema(Stream.concat(params.values().stream(), Arrays.stream(more)).toList());
    }

    public Collection<Param> params() {
        return params.values();
    }

    public List<String> names() {
        return List.copyOf(params.keySet());
    }

    public Map<String, Object> toJsonSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Param param : params.values()) {
            properties.put(param.name(), param.toJsonSchema());
            if (param.mandatory()) {
                required.add(param.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Validates {@code arguments} (null = none) and applies defaults, or throws {@link ArgumentException}. */
    public Args read(Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        for (String key : given.keySet()) {
            if (!params.containsKey(key)) {
                String valid = params.isEmpty() ? "it takes no parameters" : "valid: " + String.join(", ", names());
                throw new ArgumentException(key, "unknown parameter '" + key + "' (" + valid + ").");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : params.values()) {
            Object value = param.read(given.get(param.name()));
            if (value != null) {
                values.put(param.name(), value);
            }
        }
        return new Args(values);
    }
}
