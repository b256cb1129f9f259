package io.memtomem.cli.uninstall;

import io.memtomem.locking.ServerState;

import java.nio.file.Path;

/**
 * What may still be using the store: the server's pid-file lock (this store's scoped and bare names, then the legacy
 * exclusive holder) and an open write transaction on its database.
 */
record StoreGates(Path dbPath, ServerState server, DbWriteLock.State database) {

    boolean serverAlive() {
        return server.alive();
    }

    /** Alive is a fail-closed assumption, not an observed lock holder. */
    boolean livenessUnverifiable() {
        return server.alive() && server.probeError() != null;
    }

    boolean inUse() {
        return server.alive() || database.locked();
    }
}
