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
import java.util.Objects;
import java.util.Set;

/**
 * The per-file hash diff (memory-core.md §4.2 step 12). A chunk id names one entry, its heading path and place, not
 * only its body, so a fresh chunk keeps a stored id when hash and heading path both match (duplicates pair up one to
 * one in line order): as <em>unchanged</em> when namespace, tags and stamp match too (only its line span may move),
 * otherwise as an <em>update</em>. A hash whose heading path changed keeps its id only when exactly one stored row
 * and one fresh chunk of that hash are left (a renamed heading): with several, which entry went where cannot be
 * told, and handing a deleted entry's id to another heading's entry would let a retried delete or edit hit the wrong
 * entry. Rows the caller {@code retired} (the writer just removed or rewrote their entry) never pass their id on.
 * New hashes are inserts; stored rows left unpaired are deletes. With {@code force} every kept chunk is rewritten.
 * Tags are compared too (unlike the reference): a changed {@code > tags:} header leaves the content hash alone but
 * must reach the index (keyword tags the auto-tagger added are not part of that comparison). So is the file's
 * {@link SourceStamp}: a new {@code valid_to:} or a file now under a project memory dir rewrites its rows.
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

    /** What an id is matched by: the chunk's text and its heading path. */
    private record Place(String hash, List<String> hierarchy) {
        static Place of(ExistingChunk row) {
            return new Place(row.contentHash(), row.hierarchy());
        }

        // written out: the generated pair is linked through ObjectMethods, method-handle spinning in a cold mm add
        @Override
        public boolean equals(Object other) {
            return other instanceof Place that && Objects.equals(hash, that.hash) && Objects.equals(hierarchy, that.hierarchy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hash, hierarchy);
        }
    }

    static ChunkDiff compute(List<ExistingChunk> existing, List<Fresh> fresh, String namespace, SourceStamp stamp,
                             boolean force, Set<String> retired) {
        Map<Place, Deque<ExistingChunk>> byPlace = new HashMap<>();
        List<ExistingChunk> deletes = new ArrayList<>();
        for (ExistingChunk row : existing) {
            if (retired.contains(row.id())) {
                deletes.add(row);
            } else {
                byPlace.computeIfAbsent(Place.of(row), p -> new ArrayDeque<>()).add(row);
            }
        }
        ExistingChunk[] paired = new ExistingChunk[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            Fresh chunk = fresh.get(i);
            Deque<ExistingChunk> candidates = byPlace.get(new Place(chunk.hash(), chunk.chunk().hierarchy()));
            paired[i] = candidates == null ? null : candidates.pollFirst();
        }
        pairRenamedHeadings(byPlace, fresh, paired);
        List<Kept> unchanged = new ArrayList<>();
        List<Kept> updates = new ArrayList<>();
        List<Fresh> inserts = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Fresh chunk = fresh.get(i);
            ExistingChunk row = paired[i];
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
        byPlace.values().forEach(deletes::addAll);
        return new ChunkDiff(unchanged, updates, inserts, deletes);
    }

    /** Pairs a leftover stored row with a leftover fresh chunk of the same hash when each is the only one left. */
    private static void pairRenamedHeadings(Map<Place, Deque<ExistingChunk>> byPlace, List<Fresh> fresh,
                                            ExistingChunk[] paired) {
        Map<String, List<ExistingChunk>> leftRows = new HashMap<>();
        byPlace.values().forEach(rows -> rows.forEach(
                row -> leftRows.computeIfAbsent(row.contentHash(), h -> new ArrayList<>()).add(row)));
        Map<String, List<Integer>> leftFresh = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (paired[i] == null) {
                leftFresh.computeIfAbsent(fresh.get(i).hash(), h -> new ArrayList<>()).add(i);
            }
        }
        leftFresh.forEach((hash, indexes) -> {
            List<ExistingChunk> rows = leftRows.get(hash);
            if (indexes.size() == 1 && rows != null && rows.size() == 1) {
                ExistingChunk row = rows.get(0);
                paired[indexes.get(0)] = row;
                byPlace.get(Place.of(row)).remove(row);
            }
        });
    }
}
