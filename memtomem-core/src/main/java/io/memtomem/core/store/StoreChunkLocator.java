package io.memtomem.core.store;

import io.memtomem.core.write.ChunkLocator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The memory writer's read-only view of the index. */
public final class StoreChunkLocator implements ChunkLocator {
    private final ChunkStore store;

    public StoreChunkLocator(ChunkStore store) {
        this.store = store;
    }

    @Override
    public Optional<StoredChunk> find(String chunkId) {
        return store.find(chunkId);
    }

    @Override
    public Set<String> namespacesOf(Path file) {
        return store.namespacesOf(SourcePaths.canonical(file).toString());
    }

    @Override
    public List<StoredChunk> chunksOf(Path file) {
        return store.chunksOf(SourcePaths.canonical(file).toString());
    }
}
