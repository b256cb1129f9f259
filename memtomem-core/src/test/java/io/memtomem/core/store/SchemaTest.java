package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    @TempDir
    Path dir;

    @Test
    void aMigratedDatabaseIsCurrent() throws Exception {
        Path db = dir.resolve("memtomem.db");
        Database.open(db).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertTrue(Schema.isCurrent(new Session(connection)));
        }
    }

    /** Whatever {@link Schema#migrate} creates, a file lacking it must not pass as current, or it is never made. */
    @Test
    void aDatabaseMissingAnyTableIndexOrColumnIsNotCurrent() throws Exception {
        Path template = dir.resolve("template.db");
        Database.open(template).close();
        List<String> objects = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + template);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, name FROM sqlite_master WHERE type IN"
                     + " ('table', 'index') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'chunks_fts_%'")) {
            while (rows.next()) {
                objects.add("DROP " + rows.getString(1).toUpperCase(Locale.ROOT) + " " + rows.getString(2));
            }
        }
        assertTrue(objects.size() >= 15, objects.toString());
        objects.add("ALTER TABLE chunks DROP COLUMN use_count");
        objects.add("DELETE FROM _memtomem_meta WHERE key = 'schema_version'");
        for (String removal : objects) {
            Path db = dir.resolve("case-" + objects.indexOf(removal) + ".db");
            Database.open(db).close();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                execute(connection, removal);
                assertFalse(Schema.isCurrent(new Session(connection)), "current without: " + removal);
            }
            Database.open(db).close();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                assertTrue(Schema.isCurrent(new Session(connection)), "migrated back after: " + removal);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
