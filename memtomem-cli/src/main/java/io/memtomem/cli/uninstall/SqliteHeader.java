package io.memtomem.cli.uninstall;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The SQLite file-header check: what {@code storage.sqlite_path} names is treated as a database only when it starts
 * with SQLite's magic string. Anything else is never opened by SQLite (it could act on a fake -wal beside it) and
 * never deleted.
 */
final class SqliteHeader {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteHeader() {
    }

    /** Why the file is not (verifiably) a SQLite database; empty when it is one. */
    static Optional<String> problem(Path db) {
        try (InputStream in = Files.newInputStream(db)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) ? Optional.empty()
                    : Optional.of(db + " is not a SQLite database");
        } catch (IOException e) {
            return Optional.of("cannot read " + db + ": " + e.getMessage());
        }
    }
}
