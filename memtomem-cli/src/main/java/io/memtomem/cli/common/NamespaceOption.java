package io.memtomem.cli.common;

import picocli.CommandLine.Option;

/** Mixin for {@code -n/--namespace}: the namespace written to, or the one results are limited to. */
public final class NamespaceOption {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace: where an entry is written (default: from config), or what results are limited to "
                    + "(default: all).")
    private String namespace;

    /** The namespace given, or null for "not given". */
    public String value() {
        return namespace;
    }
}
