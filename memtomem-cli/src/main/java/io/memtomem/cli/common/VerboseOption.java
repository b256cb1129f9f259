package io.memtomem.cli.common;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Mixin for {@code --verbose}, accepted before or after any subcommand. */
public final class VerboseOption {
    public static final String NAME = "--verbose";

    @Option(names = NAME, scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    private boolean enabled;
}
