package io.memtomem.core.write;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.NO_INDEX;
import static io.memtomem.core.write.WriterFixtures.NO_REINDEX;
import static io.memtomem.core.write.WriterFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory files are private to their owner on POSIX, even under a store directory others may list. */
class MemoryFileModesTest {
    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file modes exist only on POSIX file systems");
    }

    @Test
    void memoryDirAndDayFileAreCreatedOwnerOnlyUnderAWorldReadableStoreDir() throws IOException {
        Path store = Files.createDirectories(home.resolve(".memtomem"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        AddResult result = new MemoryWriter(config(home), NO_REINDEX, NO_INDEX, CLOCK).add(AddRequest.of("note"));
        assertEquals("rwx------", mode(result.file().getParent()));
        assertEquals("rw-------", mode(result.file()));
        assertEquals("rwxr-xr-x", mode(store), "an existing directory keeps the mode its owner chose");
    }

    @Test
    void anExistingFileKeepsTheModeItsOwnerChose() throws IOException {
        MemoryWriter writer = new MemoryWriter(config(home), NO_REINDEX, NO_INDEX, CLOCK);
        Path file = writer.add(AddRequest.of("first")).file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        writer.add(AddRequest.of("second"));
        assertEquals("rw-r-----", mode(file));
    }

    /**
     * The attack itself, as a real process of another user: root runs {@code cat} under an unused uid with
     * {@code setpriv} (no account is created on a shared machine; the kernel checks permissions by uid alone).
     */
    @Test
    void anotherLocalUserCannotReadAMemoryUnderAWorldReadableStoreDir() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "switching to another user needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is not installed");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path store = Files.createDirectories(home.resolve(".memtomem"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.writeString(store.resolve("shared.txt"), "readable on purpose");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Path memory = new MemoryWriter(config(home), NO_REINDEX, NO_INDEX, CLOCK)
                .add(AddRequest.of("the other user must not read this")).file();

        assertEquals(0, catAsAnotherUser(shared), "control: the other user reads what is world-readable");
        assertNotEquals(0, catAsAnotherUser(memory));
    }

    private static int catAsAnotherUser(Path file) throws Exception {
        Process cat = new ProcessBuilder("/usr/bin/setpriv", "--reuid=54321", "--regid=54321", "--clear-groups",
                "--", "cat", file.toString()).redirectErrorStream(true).start();
        cat.getInputStream().readAllBytes();
        assertTrue(cat.waitFor(30, TimeUnit.SECONDS), "cat did not finish");
        return cat.exitValue();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
