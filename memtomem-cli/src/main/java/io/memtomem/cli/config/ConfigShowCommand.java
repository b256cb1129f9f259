package io.memtomem.cli.config;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.cli.common.Json;
import io.memtomem.cli.common.JsonOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code mm config show}: the effective configuration (defaults, file, environment), secrets masked. */
@Command(name = "show", description = "Print the effective configuration; API keys are masked.")
public final class ConfigShowCommand implements Callable<Integer> {
    static final String MASK = "********";

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
            effective.forEach((key, value) -> context.out().println(key + " = " + value));
        }
        return ExitCode.OK.code();
    }

    /** Sorted by key, with any set {@code *api_key*} value replaced by a fixed mask (no length leak). */
    static Map<String, Object> masked(Map<String, Object> effective) {
        Map<String, Object> result = new TreeMap<>();
        effective.forEach((key, value) -> result.put(key, isSecret(key) && isSet(value) ? MASK : value));
        return result;
    }

    private static boolean isSecret(String key) {
        return key.toLowerCase(Locale.ROOT).contains("api_key");
    }

    private static boolean isSet(Object value) {
        return value != null && !value.toString().isEmpty();
    }
}
