package io.memtomem.cli.training;

import com.sun.jna.Platform;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc and JNA copy their native libraries out of their jars into a temp dir on every JVM start (tens of ms
 * of each {@code mm} run). Extracting them once at build time lets {@code bin/mm} point {@code org.sqlite.lib.path}
 * and {@code jna.boot.library.path} at them.
 */
final class NativeLibraries {
    private NativeLibraries() {
    }

    /** Copies this platform's sqlite-jdbc and JNA libraries into {@code dir}. */
    static void extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        extract(OSInfo.class, "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS(),
                System.mapLibraryName("sqlitejdbc"), dir);
        // JNA names its macOS library .jnilib, and looks for exactly that name in jna.boot.library.path
        extract(Platform.class, "/com/sun/jna/" + Platform.RESOURCE_PREFIX,
                System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib"), dir);
    }

    private static void extract(Class<?> owner, String folder, String name, Path dir) throws IOException {
        String resource = folder + "/" + name;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no native library at " + resource);
            }
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
