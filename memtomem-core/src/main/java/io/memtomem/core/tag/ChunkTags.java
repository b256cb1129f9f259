package io.memtomem.core.tag;

import java.nio.file.Path;
import java.util.List;

/** The keyword tags added to one chunk (or, in a dry run, that would be). */
public record ChunkTags(String chunkId, Path source, int startLine, List<String> tags) {
    public ChunkTags {
        tags = List.copyOf(tags);
    }
}
