package io.memtomem.it;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A read-only look into a store's SQLite file, for the facts no tool reports (integrity, exact row sets). */
final class StoreDb implements AutoCloseable {
    private final Connection connection;

    private StoreDb(Connection connection) {
        this.connection = connection;
    }

    static StoreDb open(Path dbPath) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            return new StoreDb(config.createConnection("jdbc:sqlite:" + dbPath));
        } catch (SQLException e) {
            throw new AssertionError("cannot open " + dbPath + " read-only", e);
        }
    }

    String integrityCheck() {
        return String.join("\n", strings("PRAGMA integrity_check"));
    }

    long count(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    /** The first column of every row, as text. */
    List<String> strings(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(sql + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
