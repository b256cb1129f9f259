package io.memtomem.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key/value rows of {@code _memtomem_meta}: schema version, embedding fingerprint and one-shot migration keys. */
public final class MetaTable {
    private final Database database;

    public MetaTable(Database database) {
        this.database = database;
    }

    public Map<String, String> all() {
        return database.read("reading store metadata", session -> {
            Map<String, String> values = new LinkedHashMap<>();
            try (ResultSet rows = session.prepare("SELECT key, value FROM _memtomem_meta ORDER BY key").executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
            return values;
        });
    }

    /** Writes the given keys, keeping existing values unless {@code overwrite} is set. */
    public void put(Map<String, String> values, boolean overwrite) {
        String verb = overwrite ? "INSERT OR REPLACE" : "INSERT OR IGNORE";
        database.write("writing store metadata", session -> {
            PreparedStatement statement = session.prepare(verb + " INTO _memtomem_meta(key, value) VALUES (?, ?)");
            for (Map.Entry<String, String> entry : values.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setString(2, entry.getValue());
                statement.executeUpdate();
            }
            return null;
        });
    }
}
