package io.memtomem.core.search;

import java.nio.file.Path;
import java.util.List;

/** One ranked result; {@code content} is the chunk's full text, {@code rank} starts at 1. */
public record SearchHit(int rank, double score, Path source, List<String> hierarchy, String namespace, String chunkId,
                        String content, String contentHash, int startLine, int endLine, List<String> tags) {
    public SearchHit {
        hierarchy = List.copyOf(hierarchy);
        tags = List.copyOf(tags);
    }
}
