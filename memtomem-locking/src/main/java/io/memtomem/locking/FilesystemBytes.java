package io.memtomem.locking;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** The bytes a path name has on disk: what libc receives and what {@code \xNN} escapes must show. */
public final class FilesystemBytes {

    /** The JDK encodes POSIX file names with {@code sun.jnu.encoding}; libc must see exactly the same bytes. */
    private static final Charset POSIX_NAMES = Charset.forName(
            System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));

    private FilesystemBytes() {
    }

    /** Windows file names are UTF-16; Python (PEP 529) and this port render them as UTF-8 bytes. */
    static byte[] of(Os os, String text) {
        return text.getBytes(os.isWindows() ? StandardCharsets.UTF_8 : POSIX_NAMES);
    }

    /** A NUL-terminated C string of a POSIX path. */
    public static byte[] nulTerminated(Path path) {
        byte[] name = path.toString().getBytes(POSIX_NAMES);
        return Arrays.copyOf(name, name.length + 1);
    }
}
