package io.memtomem.locking.archfixture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * Negative fixture (test sources only): a POSIX record lock ({@code FileChannel.tryLock}) outside the Windows backend,
 * which a Python {@code flock} holder never sees. The lock-primitive rule must reject it.
 */
public final class LeakyRecordLocker {

    private LeakyRecordLocker() {
    }

    public static FileLock lock(FileChannel channel) throws IOException {
        return channel.tryLock();
    }
}
