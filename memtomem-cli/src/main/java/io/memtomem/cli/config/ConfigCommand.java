package io.memtomem.cli.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mm config}: a group; the work is in {@code show}, {@code set} and {@code unset}. */
@Command(name = "config", description = "Show or change ~/.memtomem/config.json.",
        subcommands = {ConfigShowCommand.class, ConfigSetCommand.class, ConfigUnsetCommand.class})
public final class ConfigCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: show, set or unset");
    }
}
