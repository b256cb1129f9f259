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
    /** Another spelling of a parameter (the Python memtomem's name) to the parameter's own name. */
    private final Map<String, String> aliases;

    private InputSchema(List<Param> params, Map<String, String> aliases) {
        for (Param param : params) {
            if (this.params.put(param.name(), param) != null) {
                throw new IllegalArgumentException("duplicate parameter " + param.name());
            }
        }
        aliases.forEach((alias, name) -> {
            if (!this.params.containsKey(name) || this.params.containsKey(alias)) {
                throw new IllegalArgumentException("alias " + alias + " must name a parameter and not be one");
            }
        });
        this.aliases = Map.copyOf(aliases);
    }

    public static InputSchema of(Param... params) {
        return new InputSchema(Arrays.asList(params), Map.of());
    }

    /** This schema plus {@code more} (shared parameter groups such as the output format). */
    public InputSchema with(Param... more) {
        return new InputSchema(Stream.concat(params.values().stream(), Arrays.stream(more)).toList(), aliases);
    }

    /**
     * This schema, also taking {@code alias} for parameter {@code name}: clients written for the Python memtomem
     * send its spelling. Both are advertised; a call gives one of them.
     */
    public InputSchema withAlias(String alias, String name) {
        Map<String, String> more = new LinkedHashMap<>(aliases);
        more.put(alias, name);
        return new InputSchema(List.copyOf(params.values()), more);
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
            // a required parameter with another spelling is checked on read: JSON schema cannot say "one of"
            if (param.mandatory() && !aliases.containsValue(param.name())) {
                required.add(param.name());
            }
        }
        aliases.forEach((alias, name) -> properties.put(alias,
                params.get(name).withDescription("Same as " + name + " (the Python memtomem's name).").toJsonSchema()));
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
        Map<String, Object> given = canonical(arguments == null ? Map.of() : arguments);
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

    /** The arguments under the parameters' own names; giving both spellings of one parameter is refused. */
    private Map<String, Object> canonical(Map<String, Object> arguments) {
        if (aliases.isEmpty()) {
            return arguments;
        }
        Map<String, Object> renamed = new LinkedHashMap<>();
        arguments.forEach((key, value) -> {
            String name = aliases.getOrDefault(key, key);
            if (renamed.containsKey(name)) {
                String alias = aliases.containsKey(key) ? key : arguments.keySet().stream()
                        .filter(other -> name.equals(aliases.get(other))).findFirst().orElse(key);
                throw new ArgumentException(alias, "give either " + name + " or " + alias + ", not both.");
            }
            renamed.put(name, value);
        });
        return renamed;
    }
}
