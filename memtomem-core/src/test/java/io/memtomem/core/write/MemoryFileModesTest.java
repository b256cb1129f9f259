package io.memtomem.core.write;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.NO_INDEX;
import static io.memtomem.core.write.WriterFixtures.NO_REINDEX;
import static io.memtomem.core.write.WriterFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
