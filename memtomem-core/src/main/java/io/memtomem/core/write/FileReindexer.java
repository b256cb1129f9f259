package io.memtomem.core.write;

import java.nio.file.Path;
import java.util.Set;

/** Implemented by the indexer; the writer calls it while it still holds the file's sidecar lock. */
@FunctionalInterface
public interface FileReindexer {
    /** Files larger than this are skipped by the indexer (as by the reference), so writers keep files below it. */
    long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /**
     * Re-indexes one file now, with the redaction gate on as for every index run: a file holding a secret that is
     * not indexed yet stays unindexed.
     *
     * @param namespace the namespace to stamp, or null to let the indexer resolve it (stored namespace, rules, default)
     * @param forceUnsafe after a {@code force_unsafe} write (already audit-logged): index the file even though the
     *                    gate flags it
     * @param retiredIds ids of chunks whose entry the writer just removed or rewrote: they are deleted and never
     *                   passed on to another chunk, even one with the same text
     * @return the number of chunks the file has after indexing
     */
    int reindex(Path file, String namespace, boolean forceUnsafe, Set<String> retiredIds);

    /** Re-indexes one file now, gated, with no entry removed. */
    default int reindex(Path file, String namespace) {
        return reindex(file, namespace, false, Set.of());
    }
}
