package io.memtomem.cli.uninstall;

import io.memtomem.locking.ServerState;

import java.nio.file.Path;

/**
 * What may still be using the store: the server's pid-file lock (this store's scoped and bare names, then the legacy
 * exclusive holder) and an open write transaction on its database.
 */
record StoreGates(Path dbPath, ServerState server, DbWriteLock.State database) {

    boolean inUse() {
        return server.alive() || database.locked();
    }
}
