package io.memtomem.core.write;

import io.memtomem.locking.LockMode;
import io.memtomem.locking.LockableFile;
import io.memtomem.locking.Os;

import java.io.IOException;
import java.nio.file.Path;

/** Whether a memory file's sidecar is locked, seen the way another process sees it. */
final class SidecarProbe {
    private SidecarProbe() {
    }

    /** A flock on a fresh descriptor excludes every other open file description, even one of this process. */
    static boolean heldElsewhere(Path file) throws IOException {
        try (LockableFile probe = Os.current().lockBackend().openForProbing(SidecarLock.sidecarOf(file))) {
            if (probe.tryLock(LockMode.EXCLUSIVE)) {
                probe.unlock();
                return false;
            }
            return true;
        }
    }
}
