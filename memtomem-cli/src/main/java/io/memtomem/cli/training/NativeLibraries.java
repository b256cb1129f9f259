package io.memtomem.cli.training;

import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc copies its native library out of the jar into the temp dir on every JVM start (~60 ms of each
 * {@code mm} run). Extracting it once at build time lets {@code bin/mm} point {@code org.sqlite.lib.path} at it.
 */
final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {
    }

    /** Copies this platform's library into {@code dir}; returns the file written. */
    static Path extractTo(Path dir) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = OSInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("sqlite-jdbc ships no native library at " + resource);
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
