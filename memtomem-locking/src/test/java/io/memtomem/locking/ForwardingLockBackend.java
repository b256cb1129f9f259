package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real backend with hooks, for tests that need to interfere at an exact step (swap a file after the open, fail a
 * lock call, record close order) while everything else stays real.
 */
class ForwardingLockBackend implements LockBackend {

    private final LockBackend real;

    ForwardingLockBackend(LockBackend real) {
        this.real = real;
    }

    /** Every lock attempt fails with {@code error}, the rest is real. */
    static LockBackend failingLocksWith(LockBackend real, IOException error) {
        return new ForwardingLockBackend(real) {
            @Override
            LockableFile wrap(Path file, LockableFile opened) {
                return new ForwardingLockableFile(opened) {
                    @Override
                    public boolean tryLock(LockMode mode) throws IOException {
                        throw error;
                    }
                };
            }
        };
    }

    /** Hook: replace or decorate what the real backend opened. */
    LockableFile wrap(Path file, LockableFile opened) throws IOException {
        return opened;
    }

    @Override
    public LockableFile openForWriting(Path file) throws IOException {
        return wrap(file, real.openForWriting(file));
    }

    @Override
    public LockableFile openForProbing(Path file) throws IOException {
        return wrap(file, real.openForProbing(file));
    }

    /** Delegates everything; tests override single steps. */
    static class ForwardingLockableFile implements LockableFile {

        final LockableFile delegate;

        ForwardingLockableFile(LockableFile delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean tryLock(LockMode mode) throws IOException {
            return delegate.tryLock(mode);
        }

        @Override
        public void unlock() throws IOException {
            delegate.unlock();
        }

        @Override
        public byte[] readUpTo(int limit) throws IOException {
            return delegate.readUpTo(limit);
        }

        @Override
        public void replaceContent(byte[] content) throws IOException {
            delegate.replaceContent(content);
        }

        @Override
        public Optional<OpenFileStatus> status() throws IOException {
            return delegate.status();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
