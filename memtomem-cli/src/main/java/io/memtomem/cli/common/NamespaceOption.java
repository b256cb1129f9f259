package io.memtomem.cli.common;

import picocli.CommandLine.Option;

/** Mixin for {@code -n/--namespace}: the namespace written to, or the one results are limited to. */
public final class NamespaceOption {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace to write to (default: the configured one) or to filter by (default: all).")
    private String namespace;

    /** The namespace given, or null for "not given". */
    public String value() {
        return namespace;
    }
}
