package io.memtomem.cli.uninstall;

import io.memtomem.locking.InstanceRegistry;
import io.memtomem.locking.ServerState;

import java.nio.file.Path;

/**
 * What may still be using the store: the server's pid-file lock (this store's scoped and bare names, then the legacy
 * exclusive holder), an open write transaction on its database, and the instance registry, where every server that
 * opened a store (ours or the Python memtomem's, with or without the pid lock) keeps a locked sentinel.
 */
record StoreGates(Path dbPath, ServerState server, DbWriteLock.State database, InstanceRegistry.Enumeration registry) {

    /** The heuristic gates, which {@code --force} may override on POSIX. */
    boolean inUse() {
        return server.alive() || database.locked();
    }
}
