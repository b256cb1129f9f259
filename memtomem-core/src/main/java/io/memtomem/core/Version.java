package io.memtomem.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product version, filtered into {@code version.properties} at build time so CLI and server agree. */
public final class Version {
    private static final String CURRENT = load();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try {
            byte[] bytes = ClassResources.read(Version.class, "version.properties");
            if (bytes == null) {
                throw new IllegalStateException("version.properties is missing from the memtomem-core jar");
            }
            Properties properties = new Properties();
            properties.load(new ByteArrayInputStream(bytes));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
