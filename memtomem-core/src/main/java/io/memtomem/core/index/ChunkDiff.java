package io.memtomem.core.index;

import io.memtomem.core.chunk.Chunk;
import io.memtomem.core.store.ExistingChunk;
import io.memtomem.core.store.SourceStamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-file hash diff (memory-core.md §4.2 step 12). A fresh chunk whose hash is already stored keeps that id:
 * as <em>unchanged</em> when hierarchy and namespace match (only its line span may move), otherwise as an
 * <em>update</em>. New hashes are inserts; stored chunks whose hash vanished are deletes. Duplicate hashes pair up
 * one to one in line order. With {@code force} every kept chunk is rewritten. Tags are compared too (unlike the
 * reference): a changed {@code > tags:} header leaves the content hash alone but must reach the index (keyword
 * tags the auto-tagger added are not part of that comparison). So is the file's {@link SourceStamp}: a new
 * {@code valid_to:} or a file now under a project memory dir rewrites its rows.
 */
record ChunkDiff(List<Kept> unchanged, List<Kept> updates, List<Fresh> inserts, List<ExistingChunk> deletes) {

    /** A fresh chunk paired with the stored row whose id it keeps. */
    record Kept(ExistingChunk row, Fresh chunk) {
        boolean linesMoved() {
            return row.startLine() != chunk.chunk().startLine() || row.endLine() != chunk.chunk().endLine();
        }
    }

    /** A chunk with its content hash computed once. */
    record Fresh(Chunk chunk, String hash) {
        static Fresh of(Chunk chunk) {
            return new Fresh(chunk, chunk.contentHash());
        }
    }

    static ChunkDiff compute(List<ExistingChunk> existing, List<Fresh> fresh, String namespace, SourceStamp stamp,
                             boolean force) {
        Map<String, Deque<ExistingChunk>> byHash = new HashMap<>();
        existing.forEach(row -> byHash.computeIfAbsent(row.contentHash(), h -> new ArrayDeque<>()).add(row));
        List<Kept> unchanged = new ArrayList<>();
        List<Kept> updates = new ArrayList<>();
        List<Fresh> inserts = new ArrayList<>();
        for (Fresh chunk : fresh) {
            Deque<ExistingChunk> candidates = byHash.get(chunk.hash());
            ExistingChunk row = candidates == null ? null : candidates.pollFirst();
            if (row == null) {
                inserts.add(chunk);
            } else if (!force && row.hierarchy().equals(chunk.chunk().hierarchy())
                    && row.tagsMatch(chunk.chunk().tags()) && row.namespace().equals(namespace)
                    && row.stamp().equals(stamp)) {
                unchanged.add(new Kept(row, chunk));
            } else {
                updates.add(new Kept(row, chunk));
            }
        }
        List<ExistingChunk> deletes = new ArrayList<>();
        byHash.values().forEach(deletes::addAll);
        return new ChunkDiff(unchanged, updates, inserts, deletes);
    }
}
