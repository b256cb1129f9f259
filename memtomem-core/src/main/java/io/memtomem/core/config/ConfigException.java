package io.memtomem.core.config;

import io.memtomem.core.MemtomemException;

/** A configuration problem; {@link #key()} is the dotted key (e.g. {@code search.default_top_k}) or the file. */
public class ConfigException extends MemtomemException {
    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
