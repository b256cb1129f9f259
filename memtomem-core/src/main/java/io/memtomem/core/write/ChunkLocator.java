package io.memtomem.core.write;

import io.memtomem.core.store.StoredChunk;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The writer's read-only view of the index, implemented by the store. */
public interface ChunkLocator {
    Optional<StoredChunk> find(String chunkId);

    /** Namespaces carried by the chunks indexed from {@code file}; empty when the file is not indexed. */
    Set<String> namespacesOf(Path file);

    /**
     * The chunks indexed from {@code file}, in any order. {@link MemoryWriter#edit} uses it after re-indexing to report
     * the edited chunk's new id; a store that does not override it makes {@link EditResult#newChunkId()} null.
     */
    default List<StoredChunk> chunksOf(Path file) {
        return List.of();
    }
}
