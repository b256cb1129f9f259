package io.memtomem.server.logging;

import io.memtomem.core.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code MEMTOMEM_LOG_LEVEL}: the reference's level names (Python logging's, case-insensitive) mapped onto
 * slf4j-simple's. Any other value is a configuration error naming the valid ones, like an invalid config value.
 */
public final class LogLevel {
    static final String VARIABLE = "MEMTOMEM_LOG_LEVEL";
    private static final Map<String, String> SLF4J_LEVELS = levels();

    private LogLevel() {
    }

    /** The slf4j-simple level, or {@code null} when the variable is not set. */
    public static String fromEnvironment(Map<String, String> env) {
        String raw = env.get(VARIABLE);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String level = SLF4J_LEVELS.get(raw.strip().toLowerCase(Locale.ROOT));
        if (level == null) {
            throw new ConfigException(VARIABLE, "invalid value for environment variable " + VARIABLE
                    + ": expected one of " + String.join(", ", SLF4J_LEVELS.keySet()) + ", got \"" + raw + "\"");
        }
        return level;
    }

    private static Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("trace", "trace");
        levels.put("debug", "debug");
        levels.put("info", "info");
        levels.put("warning", "warn");
        levels.put("warn", "warn");
        levels.put("error", "error");
        levels.put("critical", "error");
        levels.put("fatal", "error");
        return levels;
    }
}
