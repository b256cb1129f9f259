package io.memtomem.cli.training;

import com.sun.jna.Platform;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * sqlite-jdbc and JNA copy their native libraries out of their jars into a temp dir on every JVM start (tens of ms
 * of each {@code mm} run). Extracting them once at build time lets the launchers point {@code org.sqlite.lib.path}
 * and {@code jna.boot.library.path} at them. They go into a sub-directory named for the platform as the launchers
 * spell it ({@code uname -s}-{@code uname -m} with arm64 as aarch64; {@code Windows-%PROCESSOR_ARCHITECTURE%}), so
 * a release archive unpacked on another platform ignores them and the libraries extract themselves as usual.
 */
final class NativeLibraries {
    private NativeLibraries() {
    }

    /** Copies this platform's sqlite-jdbc and JNA libraries into {@code base/<platform>}. */
    static void extractTo(Path base) throws IOException {
        Path dir = base.resolve(platform(System.getProperty("os.name"), System.getProperty("os.arch")));
        Files.createDirectories(dir);
        extract(OSInfo.class, "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS(),
                System.mapLibraryName("sqlitejdbc"), dir);
        // JNA names its macOS library .jnilib, and looks for exactly that name in jna.boot.library.path
        extract(Platform.class, "/com/sun/jna/" + Platform.RESOURCE_PREFIX,
                System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib"), dir);
    }

    /** The directory name the launchers look for, from Java's {@code os.name} and {@code os.arch}. */
    static String platform(String osName, String osArch) {
        boolean x64 = osArch.equals("amd64") || osArch.equals("x86_64");
        if (osName.startsWith("Windows")) {
            return "Windows-" + (x64 ? "AMD64" : osArch.equals("aarch64") ? "ARM64" : osArch.toUpperCase(Locale.ROOT));
        }
        String os = osName.startsWith("Mac") ? "Darwin" : osName;
        return os + "-" + (x64 ? "x86_64" : osArch);
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
