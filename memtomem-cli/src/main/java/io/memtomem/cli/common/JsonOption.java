package io.memtomem.cli.common;

import picocli.CommandLine.Option;

/** Mixin for {@code --json}; {@link #NAME} is also how the error handler knows to answer errors in JSON. */
public final class JsonOption {
    public static final String NAME = "--json";

    @Option(names = NAME, description = "Print the result as JSON on stdout (no colour, nothing else on stdout).")
    private boolean enabled;

    public boolean enabled() {
        return enabled;
    }
}
