package io.memtomem.core.store;

import java.util.List;

/**
 * What the incremental indexer needs of a stored chunk to diff it against a fresh chunking of its file;
 * {@code autoTags} are the keyword tags the auto-tagger added to {@code tags} ({@link AutoTagLedger}).
 */
public record ExistingChunk(long rowid, String id, String contentHash, List<String> hierarchy, List<String> tags,
                            List<String> autoTags, String namespace, int startLine, int endLine, SourceStamp stamp) {

    /** Whether the stored tags are the file's {@code declared} ones, auto tags aside. */
    public boolean tagsMatch(List<String> declared) {
        return AutoTagLedger.fileTags(tags, autoTags, declared).equals(declared);
    }
}
