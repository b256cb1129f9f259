package io.memtomem.core.index;

import java.nio.file.Path;

/** What indexing one file did; {@code totalChunks} is the file's chunk count afterwards. */
record FileOutcome(Path file, Status status, int totalChunks, int indexed, int unchanged, int deleted, String message) {
    enum Status { INDEXED, SKIPPED, BLOCKED, REMOVED, ROOT_GONE, FAILED }

    static FileOutcome skipped(Path file, String reason) {
        return new FileOutcome(file, Status.SKIPPED, 0, 0, 0, 0, reason);
    }

    static FileOutcome blocked(Path file, String reason) {
        return new FileOutcome(file, Status.BLOCKED, 0, 0, 0, 0, reason);
    }

    static FileOutcome failed(Path file, String reason) {
        return new FileOutcome(file, Status.FAILED, 0, 0, 0, 0, reason);
    }
}
