package io.memtomem.server.tools;

import io.memtomem.core.config.ConfigException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code MEMTOMEM_TOOL_MODE} (memory-core.md §7.2): {@code core} (default) the nine core tools; {@code standard} also
 * the actions of the crud, namespace, tags, sessions, scratch, relations and schedule packs as their own tools;
 * {@code full} every action as its own tool. Any other value is a configuration error naming the valid ones, like an
 * invalid config value: a typo must not silently shrink the tool list.
 */
public enum ToolMode {
    CORE, STANDARD, FULL;

    static final String VARIABLE = "MEMTOMEM_TOOL_MODE";
    /** The {@code mem_do} categories whose actions {@code standard} exposes as tools (the reference's packs). */
    static final Set<String> STANDARD_PACKS =
            Set.of("crud", "namespace", "tags", "sessions", "scratch", "relations", "schedule");

    public static ToolMode fromEnvironment(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return CORE;
        }
        return Arrays.stream(values()).filter(mode -> mode.label().equals(value)).findFirst()
                .orElseThrow(() -> new ConfigException(VARIABLE, "invalid value for environment variable " + VARIABLE
                        + ": expected one of " + Arrays.stream(values()).map(ToolMode::label)
                        .collect(Collectors.joining(", ")) + ", got \"" + env.get(VARIABLE) + "\""));
    }

    /** Whether this mode exposes the {@code mem_do} action as its own {@code mem_<action>} tool. */
    boolean exposesAsTool(Operation action) {
        return switch (this) {
            case CORE -> false;
            case STANDARD -> STANDARD_PACKS.contains(action.category());
            case FULL -> true;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
