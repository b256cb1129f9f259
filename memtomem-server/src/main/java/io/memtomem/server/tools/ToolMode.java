package io.memtomem.server.tools;

import java.util.Locale;
import java.util.Map;

/** {@code MEMTOMEM_TOOL_MODE}: {@code core} (default, and for any unknown value) or {@code full}. */
public enum ToolMode {
    CORE, FULL;

    public static ToolMode fromEnvironment(Map<String, String> env) {
        String value = env.getOrDefault("MEMTOMEM_TOOL_MODE", "");
        return value.strip().toLowerCase(Locale.ROOT).equals("full") ? FULL : CORE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
