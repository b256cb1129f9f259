package io.memtomem.cli.config;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.core.config.ConfigFile;
import io.memtomem.core.config.ConfigKey;
import io.memtomem.core.config.ConfigSchema;
import io.memtomem.core.config.MemtomemConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code mm config set KEY VALUE}: validated by core, persisted as a delta against the defaults. */
@Command(name = "set", description = "Set a dotted KEY (e.g. search.default_top_k) to VALUE in config.json.")
public final class ConfigSetCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "KEY", description = "Dotted key, as listed by 'mm config show'.")
    private String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "New value; lists as JSON, e.g. '[\"/notes\"]'.")
    private String value;

    public ConfigSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MemtomemConfig config = context.loadConfig();
        ConfigFile.set(config, key, value);
        context.out().println("Set " + key + " in " + config.configFile());
        if (!ConfigSchema.find(key).map(ConfigKey::honoured).orElse(true)) {
            context.err().println(context.palette().yellow("Note: ") + key + " is a setting of the Python memtomem;"
                    + " memtomem-java accepts and keeps it, but it has no effect here.");
        }
        EnvironmentOverride.warnIfOverridden(context, config, key);
        return ExitCode.OK.code();
    }
}
