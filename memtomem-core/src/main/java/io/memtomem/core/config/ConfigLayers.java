package io.memtomem.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.memtomem.core.json.Jackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the effective values: defaults, then {@code config.json}, then {@code MEMTOMEM_*} environment variables
 * ({@code __} nests, case-insensitive, list values as JSON). Later layers replace earlier ones key by key.
 */
final class ConfigLayers {
    static final String ENV_PREFIX = "MEMTOMEM_";

    private final Environment environment;
    final Map<String, Object> values = new LinkedHashMap<>();
    final Map<String, String> origins = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();

    private ConfigLayers(Environment environment) {
        this.environment = environment;
    }

    static ConfigLayers load(Environment environment, Path configFile) {
        ConfigLayers layers = new ConfigLayers(environment);
        layers.applyDefaults();
        layers.applyConfigFile(configFile);
        layers.applyEnvironment();
        CrossFieldRules.check(layers.values);
        return layers;
    }

    /** Only the built-in defaults: neither config.json nor the environment is read. */
    static ConfigLayers defaults(Environment environment) {
        ConfigLayers layers = new ConfigLayers(environment);
        layers.applyDefaults();
        return layers;
    }

    private void applyDefaults() {
        for (ConfigKey key : ConfigSchema.KEYS.values()) {
            values.put(key.name(), key.defaultValue(environment));
            origins.put(key.name(), "default");
        }
    }

    private void applyConfigFile(Path configFile) {
        if (!Files.isRegularFile(configFile)) {
            return;
        }
        JsonNode root = readJson(configFile);
        String where = " in " + configFile;
        if (!root.isObject()) {
            throw new ConfigException(configFile.toString(),
                    "config file " + configFile + " must contain a JSON object of sections, e.g. {\"search\": {...}}");
        }
        for (Map.Entry<String, JsonNode> section : root.properties()) {
            if (!ConfigSchema.isSection(section.getKey())) {
                warnings.add(ConfigSchema.unknownWarning(section.getKey(), where));
                continue;
            }
            if (!section.getValue().isObject()) {
                throw new ConfigException(section.getKey(), "config section '" + section.getKey() + "'" + where
                        + " must be a JSON object of keys");
            }
            applyFields(section.getKey(), section.getValue(), where, "config");
        }
    }

    private void applyFields(String section, JsonNode fields, String where, String origin) {
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = section + "." + field.getKey();
            Optional<ConfigKey> key = ConfigSchema.find(name);
            if (key.isEmpty()) {
                warnings.add(ConfigSchema.unknownWarning(name, where));
                continue;
            }
            values.put(name, key.get().parseJson(field.getValue(), environment, where));
            origins.put(name, origin);
        }
    }

    private void applyEnvironment() {
        // sorted so that a whole-section JSON variable and a nested variable resolve the same way on every run (a
        // TreeMap, not Map.Entry.comparingByKey(): that serializable comparator is spun up at run time, ~10 ms cold)
        Map<String, String> variables = new TreeMap<>();
        environment.env().forEach((name, value) -> {
            if (name.toUpperCase(Locale.ROOT).startsWith(ENV_PREFIX)) {
                variables.put(name, value);
            }
        });
        variables.forEach(this::applyVariable);
    }

    private void applyVariable(String name, String raw) {
        String rest = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
        String where = " (environment variable " + name + ")";
        int nest = rest.indexOf("__");
        if (nest >= 0) {
            String dotted = rest.substring(0, nest) + "." + rest.substring(nest + 2);
            Optional<ConfigKey> key = ConfigSchema.find(dotted);
            if (key.isEmpty()) {
                warnings.add(ConfigSchema.unknownWarning(dotted, where));
                return;
            }
            values.put(dotted, key.get().parseText(raw, environment, where));
            origins.put(dotted, "env");
        } else if (ConfigSchema.isSection(rest)) {
            applySectionObject(rest, raw, where);
        }
        // other MEMTOMEM_* variables (TOOL_MODE, LOG_LEVEL, ...) are read directly by their users, not layered
    }

    private void applySectionObject(String section, String raw, String where) {
        JsonNode node;
        try {
            node = Jackson.readTree(raw);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new ConfigException(section, "invalid value for config section '" + section + "'" + where
                    + ": expected a JSON object, e.g. {\"default_top_k\": 20}");
        }
        applyFields(section, node, where, "env");
    }

    static JsonNode readJson(Path file) {
        try {
            String text = Files.readString(file);
            return text.isBlank() ? JsonNodeFactory.instance.objectNode() : Jackson.readTree(text);
        } catch (IOException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.toString();
            throw new ConfigException(file.toString(), "cannot read config file " + file + ": " + reason
                    + ". Fix the JSON or remove the file.");
        }
    }
}
