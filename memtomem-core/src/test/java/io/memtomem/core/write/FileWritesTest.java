package io.memtomem.core.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import static io.memtomem.core.write.WriterFixtures.read;
import static io.memtomem.core.write.WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileWritesTest {
    @TempDir
    Path dir;

    @Test
    void anAppendThatRunsOutOfSpaceHalfwayLeavesNoHalfEntry() throws Exception {
        Path file = dir.resolve("day.md");
        write(file, "\n## Kept\n\nkept body\n");
        FileWrites.ChannelWrite fullDisk = (channel, bytes) -> {
            ByteBuffer half = bytes.slice(bytes.position(), bytes.remaining() / 2);
            int written = channel.write(half);
            bytes.position(bytes.position() + written);
            throw new IOException("No space left on device");
        };

        IOException failure = assertThrows(IOException.class,
                () -> FileWrites.append(file, "\n## Lost\n\na block that does not fit\n", fullDisk));

        assertEquals("No space left on device", failure.getMessage());
        assertEquals("\n## Kept\n\nkept body\n", read(file));
    }

    @Test
    void aWholeAppendLandsAtTheEnd() throws Exception {
        Path file = dir.resolve("day.md");
        write(file, "first\n");

        FileWrites.append(file, "second\n");

        assertEquals("first\nsecond\n", read(file));
    }
}
