package io.memtomem.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A resource of a class, read straight from the jar or classes directory the class came from. The class loader's own
 * lookup ({@code getResourceAsStream}) goes through a JarURLConnection, which opens the jar a second time: ~2 ms of a
 * cold start for each resource a start reads (the version, the command model, the redaction rules).
 */
public final class ClassResources {
    private ClassResources() {
    }

    /**
     * The bytes of {@code name}, resolved as {@link Class#getResourceAsStream} resolves it (relative to the class's
     * package unless it starts with {@code /}); null when there is no such resource.
     */
    public static byte[] read(Class<?> owner, String name) throws IOException {
        String path = name.startsWith("/") ? name.substring(1)
                : owner.getPackageName().replace('.', '/') + "/" + name;
        Path source = codeSource(owner);
        if (source != null && Files.isDirectory(source)) {
            Path file = source.resolve(path);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        if (source != null && Files.isRegularFile(source)) {
            try (ZipFile jar = new ZipFile(source.toFile())) {
                ZipEntry entry = jar.getEntry(path);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        }
        try (InputStream in = owner.getResourceAsStream(name)) { // a class with no file of its own to read
            return in == null ? null : in.readAllBytes();
        }
    }

    private static Path codeSource(Class<?> owner) {
        CodeSource source = owner.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // not a file: URL
        }
    }
}
