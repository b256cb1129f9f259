package io.memtomem.core.write;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the entry (or batch) landed, the namespace its chunks carry, and the file's chunk count after re-indexing.
 *
 * @param bypassedSecrets what the redaction gate flagged when {@code force_unsafe} wrote it anyway (rules and lines,
 *                        never the text); null when nothing was flagged
 * @param replayOf        for a repeated idempotency key: when the first call wrote it (this call wrote nothing); null
 *                        for a fresh write
 * @param indexPending    why the entry, which is written, is not indexed yet (the next index run or watcher event
 *                        indexes it); null when it is
 */
public record AddResult(Path file, String namespace, int chunksIndexed, String bypassedSecrets, Instant replayOf,
                        String indexPending) {
    public AddResult(Path file, String namespace, int chunksIndexed) {
        this(file, namespace, chunksIndexed, null, null, null);
    }

    public boolean replayed() {
        return replayOf != null;
    }
}
