package io.memtomem.core.write;

import io.memtomem.core.chunk.Chunk;
import io.memtomem.core.chunk.Chunkers;
import io.memtomem.core.chunk.ChunkingSettings;
import io.memtomem.core.store.StoredChunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory index for tests that chunks files with the real chunker, so line numbers and chunk text are exactly what
 * the writer meets in production. Like the real indexer it keeps a chunk's id while its content hash is unchanged and
 * keeps a file's stored namespace unless a namespace is passed.
 */
final class ChunkedIndex implements FileReindexer, ChunkLocator {
    private static final Chunkers CHUNKERS = new Chunkers(ChunkingSettings.defaults(), Chunkers.DEFAULT_EXTENSIONS);

    private final Map<Path, List<StoredChunk>> bySource = new ConcurrentHashMap<>();
    final List<Path> reindexed = new CopyOnWriteArrayList<>();

    @Override
    public synchronized int reindex(Path file, String namespace, boolean forceUnsafe, Set<String> retiredIds) {
        reindexed.add(file);
        String resolved = namespace != null ? namespace
                : namespacesOf(file).stream().findFirst().orElse("default");
        Map<String, String> idsByHash = new HashMap<>();
        bySource.getOrDefault(file, List.of()).stream().filter(old -> !retiredIds.contains(old.id()))
                .forEach(old -> idsByHash.put(old.contentHash(), old.id()));
        List<StoredChunk> chunks = new ArrayList<>();
        for (Chunk chunk : CHUNKERS.chunk(file, read(file))) {
            String id = idsByHash.getOrDefault(chunk.contentHash(), UUID.randomUUID().toString());
            chunks.add(new StoredChunk(id, chunk.content(), chunk.contentHash(), file, chunk.hierarchy(), resolved,
                    chunk.tags(), chunk.startLine(), chunk.endLine(), "", "", "user", null, null, null));
        }
        bySource.put(file, List.copyOf(chunks));
        return chunks.size();
    }

    @Override
    public Optional<StoredChunk> find(String chunkId) {
        return bySource.values().stream().flatMap(List::stream).filter(c -> c.id().equals(chunkId)).findFirst();
    }

    @Override
    public Set<String> namespacesOf(Path file) {
        Set<String> namespaces = new HashSet<>();
        bySource.getOrDefault(file, List.of()).forEach(c -> namespaces.add(c.namespace()));
        return namespaces;
    }

    @Override
    public List<StoredChunk> chunksOf(Path file) {
        return bySource.getOrDefault(file, List.of());
    }

    /** The chunk whose hierarchy ends with {@code heading}, e.g. {@code "## Redis"}. */
    StoredChunk chunkUnder(Path file, String heading) {
        return chunksOf(file).stream()
                .filter(c -> !c.hierarchy().isEmpty() && c.hierarchy().get(c.hierarchy().size() - 1).equals(heading))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chunk under " + heading + " in " + chunksOf(file)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
