package io.memtomem.server.lifecycle;

import io.memtomem.locking.FileIdentity;
import io.memtomem.locking.LockBackend;
import io.memtomem.locking.Os;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreLockTest {

    @Test
    void theLockThreadLoadsTheNativeLayerBeforeTheStoreIsKnownAndLocksNothingWhenThereIsNone() throws Exception {
        UidOnlyOs os = new UidOnlyOs();
        CompletableFuture<Path> store = new CompletableFuture<>();
        CompletableFuture<StoreLock> lock = StoreLock.acquireInBackground(os, store);
        assertTrue(os.uidLookedUp.await(10, TimeUnit.SECONDS), "the uid lookup (JNA on POSIX) runs at once");
        assertFalse(lock.isDone(), "no lock before the store is known");
        store.complete(null); // a broken configuration: no store to lock
        assertNull(lock.get(10, TimeUnit.SECONDS));
    }

    /** Answers the uid; anything else (runtime dir, pid file) would be a side effect the test forbids. */
    private static final class UidOnlyOs implements Os {
        final CountDownLatch uidLookedUp = new CountDownLatch(1);

        @Override
        public long effectiveUid() {
            uidLookedUp.countDown();
            return 1000;
        }

        @Override
        public boolean isWindows() {
            throw new AssertionError("not expected");
        }

        @Override
        public boolean isMacOs() {
            throw new AssertionError("not expected");
        }

        @Override
        public Map<String, String> env() {
            throw new AssertionError("not expected");
        }

        @Override
        public Path localAppDataFolder() {
            throw new AssertionError("not expected");
        }

        @Override
        public FileIdentity fileIdentity(Path path) {
            throw new AssertionError("not expected");
        }

        @Override
        public LockBackend lockBackend() {
            throw new AssertionError("not expected");
        }
    }
}
