package io.memtomem.server.lifecycle;

import io.memtomem.core.MemtomemException;
import io.memtomem.locking.InstanceRegistry;
import io.memtomem.locking.LifecycleBarrier;
import io.memtomem.locking.Os;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a server shows that it has a store open, the way the Python memtomem does (locking.md §3.3 step 8): the
 * lifecycle barrier held shared before storage opens (so an uninstall, which takes it exclusively, can neither start
 * under an open store nor be overtaken by one), and an instance-registry sentinel once it is open (what
 * {@code mm status}, {@code mm uninstall} and the reference's own tools enumerate). Both are released only after the
 * store closed; a process that dies releases them with its descriptors.
 */
final class ServerPresence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPresence.class);

    private final LifecycleBarrier barrier;
    private InstanceRegistry.Registration registration;

    private ServerPresence(LifecycleBarrier barrier) {
        this.barrier = barrier;
    }

    /**
     * Takes the barrier shared, waiting at most {@link LifecycleBarrier#BUDGET}.
     *
     * @throws MemtomemException when an uninstall holds it, or it cannot be used: the store must not be opened then
     */
    static ServerPresence beforeOpen(Os os) {
        try {
            return new ServerPresence(LifecycleBarrier.shared(os, LifecycleBarrier.BUDGET).orElseThrow(() ->
                    new MemtomemException("memtomem is being uninstalled or reset (another process holds the "
                            + "lifecycle barrier); the store was not opened. Retry when that command has finished.")));
        } catch (IOException e) {
            throw new MemtomemException("The lifecycle barrier could not be used, so the store was not opened: "
                    + e.getMessage());
        }
    }

    /** Registers the open store; a registry that cannot be used only costs the concurrency report, so it is logged. */
    void afterOpen(Os os, Path dbPath) {
        try {
            registration = InstanceRegistry.register(os, dbPath);
        } catch (IOException | RuntimeException e) {
            LOG.warn("not registered in the instance registry ({}); mm status and mm uninstall may not see this "
                    + "server", e.getMessage());
        }
    }

    /** Unregisters, then lets destructive commands in again. Call only once the store is closed. */
    @Override
    public void close() {
        try {
            if (registration != null) {
                registration.close();
            }
        } finally {
            barrier.close();
        }
    }
}
