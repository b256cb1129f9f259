package io.memtomem.core.write;

import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.PrivateFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Durable file updates; callers hold the file's {@link SidecarLock}. */
final class FileWrites {
    private FileWrites() {}

    /** How bytes reach the channel; tests inject a full disk here. */
    @FunctionalInterface
    interface ChannelWrite {
        int write(FileChannel channel, ByteBuffer bytes) throws IOException;
    }

    /**
     * Appends the whole block or none of it: one write in APPEND mode, then fsync. A failed or short write (a full
     * disk) truncates the file back to its old length before the error is reported, so no half entry stays behind.
     * Callers hold the file's lock, so nobody else appends meanwhile. A new file is created 0600 (POSIX), whatever the
     * umask: memories are private even in a directory others can list.
     */
    static void append(Path file, String text) throws IOException {
        append(file, text, FileChannel::write);
    }

    static void append(Path file, String text, ChannelWrite write) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), PrivateFiles.ownerOnlyFile())) {
            long oldLength = channel.size();
            try {
                while (bytes.hasRemaining()) {
                    write.write(channel, bytes);
                }
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                try {
                    channel.truncate(oldLength);
                    channel.force(true);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /**
     * Replaces the file's content through a temp file in the same directory and an atomic rename, so a crash leaves
     * either the old or the new file. A symlinked file is rewritten at its target, keeping the link.
     */
    static void replace(Path file, String text) throws IOException {
        Path real = file.toRealPath();
        Path temp = Files.createTempFile(real.getParent(), "." + real.getFileName(), ".tmp");
        try {
            copyPermissions(real, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Strict UTF-8: a lenient decode would replace bad bytes and a rewrite would then corrupt other entries. */
    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MemtomemException(file + " is not valid UTF-8, so it cannot be rewritten safely: "
                    + "fix its encoding, then retry");
        }
    }

    /** createTempFile makes the file 0600; a rewritten memory file should keep the mode it had. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (target != null) {
            target.setPermissions(Files.getPosixFilePermissions(from));
        }
    }
}
