package io.memtomem.locking.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.memtomem.locking.FileIdentity;
import io.memtomem.locking.FilesystemBytes;
import io.memtomem.locking.LockBackend;
import io.memtomem.locking.LockMode;
import io.memtomem.locking.LockableFile;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * BSD {@code flock(2)} on a descriptor from libc {@code open(2)}. Never {@code FileChannel} locks: those are fcntl
 * record locks that a Python {@code flock} holder does not see, and closing any other channel on the file in this JVM
 * silently drops them. A flock belongs to the open file description, so a probe's own descriptor cannot release
 * anybody else's lock.
 */
public final class PosixLockBackend implements LockBackend {

    private static final int NEW_FILE_MODE = 0600;

    private final PosixConstants constants;

    public PosixLockBackend() {
        this.constants = PosixConstants.forRunningPlatform();
    }

    @Override
    public LockableFile openForWriting(Path file) throws IOException {
        PosixLockableFile opened = open(file, constants.writerFlags());
        boolean regular = false;
        try {
            regular = opened.status().map(LockableFile.OpenFileStatus::regularFile).orElse(false);
        } finally {
            if (!regular) {
                opened.close();
            }
        }
        if (!regular) {
            throw new IOException("lock path " + file + " is not a regular file");
        }
        return opened;
    }

    @Override
    public LockableFile openForProbing(Path file) throws IOException {
        return open(file, constants.probeFlags());
    }

    private PosixLockableFile open(Path file, int flags) throws IOException {
        try {
            int fd = LibC.get().open(FilesystemBytes.nulTerminated(file), flags, NEW_FILE_MODE);
            return new PosixLockableFile(fd, file, constants);
        } catch (LastErrorException e) {
            throw failure("open", file, e);
        }
    }

    static IOException failure(String operation, Path file, LastErrorException e) {
        if (e.getErrorCode() == PosixConstants.ENOENT) {
            return new NoSuchFileException(file.toString());
        }
        return new FileSystemException(file.toString(), null, operation + " failed: " + e.getMessage());
    }

    private static final class PosixLockableFile implements LockableFile {

        private final int fd;
        private final Path file;
        private final PosixConstants constants;
        private boolean closed;

        PosixLockableFile(int fd, Path file, PosixConstants constants) {
            this.fd = fd;
            this.file = file;
            this.constants = constants;
        }

        @Override
        public synchronized boolean tryLock(LockMode mode) throws IOException {
            ensureOpen();
            int operation = (mode == LockMode.EXCLUSIVE ? PosixConstants.LOCK_EX : PosixConstants.LOCK_SH)
                    | PosixConstants.LOCK_NB;
            try {
                LibC.get().flock(fd, operation);
                return true;
            } catch (LastErrorException e) {
                if (constants.isContention(e.getErrorCode())) {
                    return false;
                }
                throw failure("flock", file, e);
            }
        }

        @Override
        public synchronized void unlock() throws IOException {
            ensureOpen();
            try {
                LibC.get().flock(fd, PosixConstants.LOCK_UN);
            } catch (LastErrorException e) {
                throw failure("flock(LOCK_UN)", file, e);
            }
        }

        @Override
        public synchronized byte[] readUpTo(int limit) throws IOException {
            ensureOpen();
            if (limit == 0) {
                return new byte[0];
            }
            Memory buffer = new Memory(limit);
            long filled = 0;
            try {
                while (filled < limit) {
                    long read = LibC.get().pread(fd, buffer.share(filled), limit - filled, filled);
                    if (read <= 0) {
                        break;
                    }
                    filled += read;
                }
            } catch (LastErrorException e) {
                throw failure("pread", file, e);
            }
            return buffer.getByteArray(0, (int) filled);
        }

        @Override
        public synchronized void replaceContent(byte[] content) throws IOException {
            ensureOpen();
            try {
                LibC.get().ftruncate(fd, 0);
                if (content.length == 0) {
                    return;
                }
                Memory buffer = new Memory(content.length);
                buffer.write(0, content, 0, content.length);
                long written = 0;
                while (written < content.length) {
                    written += LibC.get().pwrite(fd, buffer.share(written), content.length - written, written);
                }
            } catch (LastErrorException e) {
                throw failure("write", file, e);
            }
        }

        /** fstat through {@code /dev/fd/N}: stat follows the descriptor link to the open inode, even an unlinked one. */
        @Override
        public synchronized Optional<OpenFileStatus> status() throws IOException {
            ensureOpen();
            Map<String, Object> attributes = Files.readAttributes(Path.of("/dev/fd/" + fd), "unix:dev,ino,mode");
            int mode = (Integer) attributes.get("mode");
            FileIdentity identity = FileIdentity.posix((Long) attributes.get("dev"), (Long) attributes.get("ino"));
            return Optional.of(new OpenFileStatus(identity, (mode & S_IFMT) == S_IFREG));
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                LibC.get().close(fd);
            } catch (LastErrorException ignored) {
                // the descriptor is released even when close reports an error (Linux and macOS)
            }
        }

        /** After close the fd number may already belong to an unrelated file: never touch it again. */
        private void ensureOpen() throws IOException {
            if (closed) {
                throw new ClosedChannelException();
            }
        }

        private static final int S_IFMT = 0170000;
        private static final int S_IFREG = 0100000;
    }
}
