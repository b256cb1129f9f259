package io.memtomem.cli.config;

import io.memtomem.cli.CliContext;
import io.memtomem.core.config.MemtomemConfig;

/** A MEMTOMEM_* variable beats config.json, so a change to the file would silently not apply: say so. */
final class EnvironmentOverride {
    private EnvironmentOverride() {
    }

    static void warnIfOverridden(CliContext context, MemtomemConfig config, String dottedKey) {
        if ("env".equals(config.origin(dottedKey))) {
            context.err().println(context.palette().yellow("Warning: ") + dottedKey
                    + " is set by a MEMTOMEM_* environment variable, which overrides config.json.");
        }
    }
}
