package io.memtomem.core.store;

import java.nio.file.Path;
import java.util.List;

/** A chunk row as stored; {@code content} is the chunk text without the heading breadcrumb. */
public record StoredChunk(String id, String content, String contentHash, Path source, List<String> hierarchy,
                          String namespace, List<String> tags, int startLine, int endLine,
                          String createdAt, String updatedAt) {
    public StoredChunk {
        hierarchy = List.copyOf(hierarchy);
        tags = List.copyOf(tags);
    }
}
