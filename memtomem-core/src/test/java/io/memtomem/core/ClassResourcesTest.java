package io.memtomem.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClassResourcesTest {
    @Test
    void aResourceBesideAClassInADirectoryReadsAsTheClassLoaderGivesIt() throws IOException {
        assertSameAsTheClassLoader(Version.class, "version.properties");
        assertSameAsTheClassLoader(Version.class, "/io/memtomem/core/redact/secret-rules.txt");
    }

    @Test
    void aResourceInTheJarAClassCameFromReadsAsTheClassLoaderGivesIt() throws IOException {
        assertSameAsTheClassLoader(Test.class, "Test.class");
        assertSameAsTheClassLoader(Test.class, "/org/junit/jupiter/api/Test.class");
    }

    @Test
    void aMissingResourceIsNull() throws IOException {
        assertNull(ClassResources.read(Version.class, "no-such.properties"));
        assertNull(ClassResources.read(Test.class, "/no/such/entry"));
    }

    private static void assertSameAsTheClassLoader(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            assertNotNull(in, name);
            assertArrayEquals(in.readAllBytes(), ClassResources.read(owner, name), name);
        }
    }
}
