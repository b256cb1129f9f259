package io.memtomem.core.index;

import java.util.List;

/**
 * Totals of one index run. {@code totalChunks} is the chunk count of the scanned files afterwards; {@code
 * writtenChunkIds} are the chunks written (new or updated; {@link #indexed()} counts them), {@code unchanged} those
 * kept as they were, {@code deleted} stale ones.
 * Files skipped for size or binary content are counted in {@code filesSkipped} and explained in {@code errors};
 * files the redaction gate refused are listed in {@code blocked} as {@code <path>: <rules and lines>}.
 * {@code sourcesRemoved} counts the indexed sources under the path that no longer are regular files there (deleted,
 * replaced by a directory or a symbolic link) and lost their chunks; their chunks are counted in {@code deleted}.
 */
public record IndexResult(int filesScanned, long totalChunks, long unchanged, long deleted, int filesSkipped,
                          List<String> errors, List<String> blocked, long durationMillis,
                          List<String> writtenChunkIds, int sourcesRemoved) {
    public IndexResult {
        errors = List.copyOf(errors);
        blocked = List.copyOf(blocked);
        writtenChunkIds = List.copyOf(writtenChunkIds);
    }

    public long indexed() {
        return writtenChunkIds.size();
    }

    public int filesBlocked() {
        return blocked.size();
    }
}
