package io.memtomem.core.index;

import java.nio.file.Path;
import java.util.List;

/**
 * What indexing one file did; {@code totalChunks} is the file's chunk count afterwards, {@code writtenIds} the ids of
 * the chunks it inserted or rewrote.
 */
record FileOutcome(Path file, Status status, int totalChunks, int unchanged, int deleted, String message,
                   List<String> writtenIds) {
    enum Status { INDEXED, SKIPPED, BLOCKED, REMOVED, ROOT_GONE, FAILED }

    static FileOutcome skipped(Path file, String reason) {
        return new FileOutcome(file, Status.SKIPPED, 0, 0, 0, reason, List.of());
    }

    static FileOutcome blocked(Path file, String reason) {
        return new FileOutcome(file, Status.BLOCKED, 0, 0, 0, reason, List.of());
    }

    static FileOutcome failed(Path file, String reason) {
        return new FileOutcome(file, Status.FAILED, 0, 0, 0, reason, List.of());
    }

    int indexed() {
        return writtenIds.size();
    }
}
