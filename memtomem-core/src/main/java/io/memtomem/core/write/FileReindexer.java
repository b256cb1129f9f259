package io.memtomem.core.write;

import java.nio.file.Path;

/** Implemented by the indexer; the writer calls it while it still holds the file's sidecar lock. */
@FunctionalInterface
public interface FileReindexer {
    /**
     * Re-indexes one file now, with the redaction gate on as for every index run: a file holding a secret that is
     * not indexed yet stays unindexed.
     *
     * @param namespace the namespace to stamp, or null to let the indexer resolve it (stored namespace, rules, default)
     * @return the number of chunks the file has after indexing
     */
    int reindex(Path file, String namespace);

    /**
     * As {@link #reindex(Path, String)} after a {@code force_unsafe} write (already audit-logged) when
     * {@code forceUnsafe}: the file is indexed even though the gate flags it.
     */
    default int reindex(Path file, String namespace, boolean forceUnsafe) {
        return reindex(file, namespace);
    }
}
