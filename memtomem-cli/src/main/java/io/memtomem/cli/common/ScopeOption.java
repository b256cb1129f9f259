package io.memtomem.cli.common;

import picocli.CommandLine.Option;

/** Mixin for {@code --scope} on reads: the memory tiers results are limited to. */
public final class ScopeOption {
    @Option(names = "--scope", paramLabel = "SCOPES",
            description = "Only these tiers, comma-separated: user, project_shared, project_local (default: all).")
    private String scope;

    /** The scopes given, or null for "not given". */
    public String value() {
        return scope;
    }
}
