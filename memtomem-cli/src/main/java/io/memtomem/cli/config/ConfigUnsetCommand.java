package io.memtomem.cli.config;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.core.config.ConfigFile;
import io.memtomem.core.config.MemtomemConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code mm config unset KEY}: back to the default (idempotent). */
@Command(name = "unset", description = "Remove KEY from config.json so its default applies again.")
public final class ConfigUnsetCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "KEY", description = "Dotted key, as listed by 'mm config show'.")
    private String key;

    public ConfigUnsetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MemtomemConfig config = context.loadConfig();
        ConfigFile.unset(config, key);
        context.out().println("Unset " + key + " in " + config.configFile());
        EnvironmentOverride.warnIfOverridden(context, config, key);
        return ExitCode.OK.code();
    }
}
