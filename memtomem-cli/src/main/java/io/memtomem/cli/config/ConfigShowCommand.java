package io.memtomem.cli.config;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import io.memtomem.core.config.ConfigKey;
import io.memtomem.core.config.ConfigSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code mm config show}: the effective configuration (defaults, file, environment), secrets masked, and keys this
 * build accepts without an effect (settings of the Python memtomem) marked.
 */
@Command(name = "show", description = "Print the effective configuration; API keys and secrets are masked, keys "
        + "with no effect in memtomem-java are marked.")
public final class ConfigShowCommand implements Callable<Integer> {
    static final String MASK = "********";
    static final String NO_EFFECT_MARK = "  (accepted, no effect in memtomem-java)";

    private final CliContext context;

    @Mixin
    private JsonOption json;

    public ConfigShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, Object> effective = masked(context.loadConfig().effective());
        if (json.enabled()) {
            Json.print(context.out(), effective);
        } else {
            effective.forEach((key, value) -> context.out().println(key + " = " + value
                    + (ConfigSchema.find(key).map(ConfigKey::honoured).orElse(true) ? "" : NO_EFFECT_MARK)));
        }
        return ExitCode.OK.code();
    }

    /** Sorted by key, with any set secret (API keys, webhook and trace secrets) replaced by a fixed mask. */
    static Map<String, Object> masked(Map<String, Object> effective) {
        Map<String, Object> result = new TreeMap<>();
        effective.forEach((key, value) -> result.put(key, isSecret(key) && isSet(value) ? MASK : value));
        return result;
    }

    private static boolean isSecret(String key) {
        return ConfigSchema.find(key).map(ConfigKey::secret).orElse(false);
    }

    private static boolean isSet(Object value) {
        return value != null && !value.toString().isEmpty();
    }
}
