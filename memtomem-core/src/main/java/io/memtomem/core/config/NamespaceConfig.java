package io.memtomem.core.config;

import java.util.Map;
import java.util.Objects;

/** The {@code namespace} section as this build honours it: the namespace of files nothing else names. */
public record NamespaceConfig(String defaultNamespace, boolean enableAutoNs) {
    public NamespaceConfig {
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    }

    static NamespaceConfig from(Map<String, Object> values) {
        return new NamespaceConfig((String) values.get("namespace.default_namespace"),
                (Boolean) values.get("namespace.enable_auto_ns"));
    }
}
