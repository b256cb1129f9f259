package io.memtomem.cli.common;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Mixin for {@code -h/--help} and {@code -V/--version}, inherited by every subcommand: picocli's standard help
 * options, declared here rather than through {@code mixinStandardHelpOptions}, which picocli builds from annotations
 * of its own at every start ({@link io.memtomem.cli.model.CommandModel} builds these from the model).
 */
public final class HelpOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help message and exit.")
    private boolean helpRequested;

    @Option(names = {"-V", "--version"}, versionHelp = true, scope = ScopeType.INHERIT,
            description = "Print version information and exit.")
    private boolean versionRequested;
}
