package io.memtomem.core.write;

import io.memtomem.core.Memtomem;
import io.memtomem.core.search.RecallRequest;
import io.memtomem.core.store.StoredChunk;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** A file's chunks as a real store indexed them, in line order, for tests that check ids against headings. */
record IndexedChunks(Memtomem memtomem, Path file) {
    List<StoredChunk> all() {
        return memtomem.recall(new RecallRequest(null, null, "*", file.toString(), null, 500)).chunks().stream()
                .sorted(Comparator.comparingInt(StoredChunk::startLine)).toList();
    }

    /** The last heading of each chunk, e.g. {@code "## Monday"}; empty for a headless chunk. */
    List<String> headings() {
        return all().stream().map(IndexedChunks::heading).toList();
    }

    String idUnder(String heading) {
        return all().stream().filter(chunk -> heading(chunk).equals(heading)).map(StoredChunk::id).findFirst()
                .orElseThrow(() -> new AssertionError("no chunk under " + heading + " in " + all()));
    }

    private static String heading(StoredChunk chunk) {
        return chunk.hierarchy().isEmpty() ? "" : chunk.hierarchy().get(chunk.hierarchy().size() - 1);
    }
}
