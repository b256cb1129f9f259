package io.memtomem.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memtomem.core.json.Jackson;
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
 * written, and the file is replaced atomically so a concurrent reader never sees half a file. Entries this build does
 * not know (a newer Python memtomem's) are kept as they are, and the layout is the Python tool's ({@link PythonJson}),
 * so a file both tools save does not churn.
 */
public final class ConfigFile {

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

    /**
     * {@link #set} on behalf of an MCP client ({@code mem_do config}), which is driven by a model that reads untrusted
     * text: keys that move the store's boundary or send data elsewhere ({@link ConfigKey#mcpWritable()} false) are
     * refused with the {@code mm config set} command a person runs instead.
     */
    public static void setOverMcp(MemtomemConfig current, String dottedKey, String rawValue) {
        ConfigKey key = ConfigSchema.require(dottedKey, "");
        if (!key.mcpWritable()) {
            String value = key.secret() ? "<value>" : shellQuoted(rawValue);
            throw new ConfigException(dottedKey, "config key '" + dottedKey + "' is read-only over MCP: it moves the"
                    + " store's boundary or sends data elsewhere. A person can change it in a terminal: mm config set "
                    + dottedKey + " " + value);
        }
        set(current, dottedKey, rawValue);
    }

    private static String shellQuoted(String value) {
        return value.matches("[A-Za-z0-9_./:~@%+=,-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * Removes a key from config.json so the default (or an environment variable) applies again. A key neither tool
     * knows may be removed too when the file has it (that is how its warning is silenced).
     */
    public static void unset(MemtomemConfig current, String dottedKey) {
        ObjectNode root = existing(current.configFile());
        if (ConfigSchema.find(dottedKey).isEmpty() && !has(root, dottedKey)) {
            throw ConfigSchema.unknown(dottedKey, "");
        }
        remove(root, dottedKey);
        write(current.storeDir(), current.configFile(), root);
    }

    private static boolean has(ObjectNode root, String dottedKey) {
        int dot = dottedKey.indexOf('.');
        return dot > 0 && root.get(dottedKey.substring(0, dot)) instanceof ObjectNode section
                && section.has(dottedKey.substring(dot + 1));
    }

    /**
     * Writes a fresh config.json for {@code mm init}. Values are dotted keys to either their text form or a typed
     * value (number, boolean, list); everything is validated before the file is replaced.
     */
    public static void writeInitial(Environment environment, Map<String, Object> values) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        ConfigSchema.KEYS.values().forEach(key -> candidate.put(key.name(), key.defaultValue(environment)));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        values.forEach((name, raw) -> {
            ConfigKey key = ConfigSchema.require(name, "");
            Object value = raw instanceof String text
                    ? key.parseText(text, environment, "")
                    : key.parseJson(Jackson.mapper().valueToTree(raw), environment, "");
            candidate.put(name, value);
            put(root, key, value, environment);
        });
        CrossFieldRules.check(candidate);
        write(MemtomemConfig.storeDir(environment), MemtomemConfig.configFile(environment), root);
    }

    private static ObjectNode existing(Path file) {
        if (!Files.isRegularFile(file)) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node = ConfigLayers.readJson(file);
        if (!node.isObject()) {
            throw new ConfigException(file.toString(), "config file " + file + " must contain a JSON object");
        }
        return (ObjectNode) node;
    }

    private static void put(ObjectNode root, ConfigKey key, Object value, Environment environment) {
        if (value.equals(key.defaultValue(environment))) {
            remove(root, key.name());
            return;
        }
        JsonNode section = root.get(key.section());
        ObjectNode sectionNode = section instanceof ObjectNode object ? object : root.putObject(key.section());
        sectionNode.set(key.field(), key.kind().toJson(value, environment));
    }

    private static void remove(ObjectNode root, String dottedKey) {
        int dot = dottedKey.indexOf('.');
        String sectionName = dot < 0 ? dottedKey : dottedKey.substring(0, dot);
        if (root.get(sectionName) instanceof ObjectNode section) {
            section.remove(dottedKey.substring(dot + 1));
            if (section.isEmpty()) {
                root.remove(sectionName);
            }
        }
    }

    private static void write(Path storeDir, Path file, ObjectNode root) {
        PrivateFiles.createDirectories(storeDir);
        try {
            Path temp = Files.createTempFile(storeDir, ".config", ".json.tmp");
            try {
                Files.writeString(temp, PythonJson.write(root));
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
