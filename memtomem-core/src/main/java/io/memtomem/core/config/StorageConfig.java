package io.memtomem.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** The {@code storage} section: where the SQLite index lives. */
public record StorageConfig(String backend, Path sqlitePath) {
    public StorageConfig {
        Objects.requireNonNull(backend, "backend");
        sqlitePath = Objects.requireNonNull(sqlitePath, "sqlitePath").toAbsolutePath().normalize();
    }

    static StorageConfig from(Map<String, Object> values) {
        return new StorageConfig((String) values.get("storage.backend"), (Path) values.get("storage.sqlite_path"));
    }
}
