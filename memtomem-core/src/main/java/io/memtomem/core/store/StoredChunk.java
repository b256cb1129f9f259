package io.memtomem.core.store;

import java.nio.file.Path;
import java.util.List;

/**
 * A chunk row as stored; {@code content} is the chunk text without the heading breadcrumb. {@code scope} is
 * {@code user}, {@code project_shared} or {@code project_local}, {@code projectRoot} the project of the two project tiers (else
 * null); the validity bounds are unix seconds, null = open.
 */
public record StoredChunk(String id, String content, String contentHash, Path source, List<String> hierarchy,
                          String namespace, List<String> tags, int startLine, int endLine,
                          String createdAt, String updatedAt, String scope, String projectRoot,
                          Long validFromUnix, Long validToUnix) {
    public StoredChunk {
        hierarchy = List.copyOf(hierarchy);
        tags = List.copyOf(tags);
    }
}
