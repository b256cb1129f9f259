package io.memtomem.locking.windows;

import io.memtomem.locking.LockBackend;
import io.memtomem.locking.LockMode;
import io.memtomem.locking.LockableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Win32 byte-range lock on [0, 64 KiB) through {@code FileChannel} ({@code LockFileEx}); it interlocks with the Python
 * reference's {@code msvcrt.locking} on the same range. The lock is mandatory, so the payload is read and written only
 * through the locking channel.
 */
public final class WindowsLockBackend implements LockBackend {

    /** portalocker's msvcrt backend locks this range from offset 0; overlapping ranges are what interlock. */
    static final long LOCKED_RANGE = 65536;

    @Override
    public LockableFile openForWriting(Path file) throws IOException {
        return new ChannelLockableFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public LockableFile openForProbing(Path file) throws IOException {
        return new ChannelLockableFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
    }

    private static final class ChannelLockableFile implements LockableFile {

        private final FileChannel channel;
        private FileLock lock;

        ChannelLockableFile(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized boolean tryLock(LockMode mode) throws IOException {
            try {
                lock = channel.tryLock(0, LOCKED_RANGE, mode == LockMode.SHARED);
                return lock != null;
            } catch (OverlappingFileLockException sameJvmHolder) {
                // The JDK reports a holder inside this JVM this way instead of returning null: still contention.
                return false;
            }
        }

        @Override
        public synchronized void unlock() throws IOException {
            if (lock != null) {
                lock.release();
                lock = null;
            }
        }

        @Override
        public byte[] readUpTo(int limit) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(limit);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                // keep reading: a short read is not EOF
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }

        @Override
        public void replaceContent(byte[] content) throws IOException {
            channel.truncate(0);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
        }

        /** A {@code FileChannel} exposes no handle to identify; identity checks fall back to path identities. */
        @Override
        public Optional<OpenFileStatus> status() {
            return Optional.empty();
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the handle and the lock whatever the outcome
            }
        }
    }
}
