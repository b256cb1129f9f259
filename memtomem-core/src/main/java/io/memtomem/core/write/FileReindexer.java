package io.memtomem.core.write;

import java.nio.file.Path;

/** Implemented by the indexer; the writer calls it while it still holds the file's sidecar lock. */
@FunctionalInterface
public interface FileReindexer {
    /**
     * Re-indexes one file now.
     *
     * @param namespace the namespace to stamp, or null to let the indexer resolve it (stored namespace, rules, default)
     * @return the number of chunks the file has after indexing
     */
    int reindex(Path file, String namespace);
}
