package io.memtomem.core.store;

import java.util.List;

/** What the incremental indexer needs of a stored chunk to diff it against a fresh chunking of its file. */
public record ExistingChunk(long rowid, String id, String contentHash, List<String> hierarchy, List<String> tags,
                            String namespace, int startLine, int endLine, SourceStamp stamp) {
}
