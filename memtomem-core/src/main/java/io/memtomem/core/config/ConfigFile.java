package io.memtomem.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memtomem.core.MemtomemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code config.json} for {@code mm init}, {@code mm config set/unset} and {@code mem_do config}. Only the
 * delta against the defaults is stored, values are validated (including cross-field rules) before anything is
 * written, and the file is replaced atomically so a concurrent reader never sees half a file.
 */
public final class ConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigFile() {
    }

    /** Sets one key from its text form (lists as JSON) and persists it; a default value removes the entry. */
    public static void set(MemtomemConfig current, String dottedKey, String rawValue) {
        Objects.requireNonNull(rawValue, "rawValue");
        ConfigKey key = ConfigSchema.require(dottedKey, "");
        Environment environment = current.environment();
        Object value = key.parseText(rawValue, environment, "");
        Map<String, Object> candidate = new HashMap<>(current.effectiveTypedValues());
        candidate.put(dottedKey, value);
        CrossFieldRules.check(candidate);
        ObjectNode root = existing(current.configFile());
        put(root, key, value, environment);
        write(current.storeDir(), current.configFile(), root);
    }

    /** Removes a key from config.json so the default (or an environment variable) applies again. */
    public static void unset(MemtomemConfig current, String dottedKey) {
        ConfigKey key = ConfigSchema.require(dottedKey, "");
        ObjectNode root = existing(current.configFile());
        remove(root, key);
        write(current.storeDir(), current.configFile(), root);
    }

    /**
     * Writes a fresh config.json for {@code mm init}. Values are dotted keys to either their text form or a typed
     * value (number, boolean, list); everything is validated before the file is replaced.
     */
    public static void writeInitial(Environment environment, Map<String, Object> values) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        ConfigSchema.KEYS.values().forEach(key -> candidate.put(key.name(), key.defaultValue(environment)));
        ObjectNode root = JSON.createObjectNode();
        values.forEach((name, raw) -> {
            ConfigKey key = ConfigSchema.require(name, "");
            Object value = raw instanceof String text
                    ? key.parseText(text, environment, "")
                    : key.parseJson(JSON.valueToTree(raw), environment, "");
            candidate.put(name, value);
            put(root, key, value, environment);
        });
        CrossFieldRules.check(candidate);
        write(MemtomemConfig.storeDir(environment), MemtomemConfig.configFile(environment), root);
    }

    private static ObjectNode existing(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        JsonNode node = ConfigLayers.readJson(file);
        if (!node.isObject()) {
            throw new ConfigException(file.toString(), "config file " + file + " must contain a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void put(ObjectNode root, ConfigKey key, Object value, Environment environment) {
        if (value.equals(key.defaultValue(environment))) {
            remove(root, key);
            return;
        }
        JsonNode section = root.get(key.section());
        ObjectNode sectionNode = section instanceof ObjectNode object ? object : root.putObject(key.section());
        sectionNode.set(key.field(), key.kind().toJson(value, environment));
    }

    private static void remove(ObjectNode root, ConfigKey key) {
        if (root.get(key.section()) instanceof ObjectNode section) {
            section.remove(key.field());
            if (section.isEmpty()) {
                root.remove(key.section());
            }
        }
    }

    private static void write(Path storeDir, Path file, ObjectNode root) {
        PrivateFiles.createDirectories(storeDir);
        try {
            Path temp = Files.createTempFile(storeDir, ".config", ".json.tmp");
            try {
                Files.writeString(temp, JSON.writeValueAsString(root) + "\n");
                PrivateFiles.restrictToOwner(temp);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new MemtomemException("cannot write config file " + file + ": " + e.getMessage(), e);
        }
    }
}
