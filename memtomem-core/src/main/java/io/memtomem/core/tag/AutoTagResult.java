package io.memtomem.core.tag;

import java.util.List;

/** What an auto-tag run looked at and which chunks gained (or in a dry run would gain) which tags. */
public record AutoTagResult(int chunksScanned, List<ChunkTags> tagged, boolean dryRun) {
    public AutoTagResult {
        tagged = List.copyOf(tagged);
    }

    public int chunksTagged() {
        return tagged.size();
    }

    public int tagsAdded() {
        return tagged.stream().mapToInt(chunk -> chunk.tags().size()).sum();
    }
}
