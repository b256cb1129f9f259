package io.memtomem.server.tools;

import io.memtomem.core.config.ConfigFile;
import io.memtomem.core.config.ConfigKey;
import io.memtomem.core.config.ConfigSchema;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.server.tools.schema.ArgumentException;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.TreeMap;

/**
 * The {@code config} action: list, get or set a configuration key. Reads and writes {@code ~/.memtomem/config.json}
 * as a restart would see it; the running server keeps the settings it started with. Keys that move the store's
 * boundary or send data elsewhere are read-only here (the key table's MCP column); {@code mm config set} changes them.
 */
public final class ConfigAction {
    static final InputSchema SCHEMA = InputSchema.of(
            Param.string("key", "Dotted key, e.g. search.default_top_k. Omit to list every setting."),
            Param.string("value", "New value (JSON for lists, e.g. [\"archive:\"]); saved to config.json. Keys"
                    + " listed as read-only over MCP (memory dirs, storage path, embedding provider/model/URL/key, ...)"
                    + " are changed by a person with mm config set."));

    private final ServerContext context;

    public ConfigAction(ServerContext context) {
        this.context = context;
    }

    public Operation config() {
        return new Operation("config", "advanced", "Get or set a configuration key (saved to config.json; restart "
                + "the server to apply a change).", SCHEMA, this::handle);
    }

    private String handle(ToolCall call) {
        Args args = call.args();
        MemtomemConfig current = MemtomemConfig.load(context.config().environment());
        String key = args.string("key");
        if (key == null) {
            if (args.has("value")) {
                throw new ArgumentException("key", "key is required with value: pass the dotted key to set.");
            }
            StringBuilder text = new StringBuilder("Configuration (").append(current.configFile()).append("):");
            new TreeMap<>(current.effective()).forEach((name, value) ->
                    text.append("\n").append(name).append(" = ").append(render(name, value)).append(marks(name)));
            return text.toString();
        }
        if (!args.has("value")) {
            return key + " = " + render(key, current.get(key)) + marks(key) + "\n  "
                    + ConfigSchema.find(key).orElseThrow().help();
        }
        ConfigFile.setOverMcp(current, key, args.string("value"));
        Object saved = MemtomemConfig.load(context.config().environment()).get(key);
        return "Saved " + key + " = " + render(key, saved) + " to " + current.configFile()
                + ". Restart memtomem-server (reconnect it in your MCP host) to apply it.";
    }

    private static String marks(String name) {
        ConfigKey key = ConfigSchema.find(name).orElseThrow();
        return (key.mcpWritable() ? "" : "  (read-only over MCP)") + (key.honoured() ? "" : "  (no effect here)");
    }

    /** Secrets are never echoed back to the agent. */
    private static String render(String key, Object value) {
        if (ConfigSchema.find(key).map(ConfigKey::secret).orElse(false) && value instanceof String secret
                && !secret.isEmpty()) {
            return "***";
        }
        return value instanceof String || value == null ? String.valueOf(value) : Json.write(value);
    }
}
