package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.NotFoundException;
import io.memtomem.core.store.IndexStats;
import io.memtomem.core.store.StoredChunk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP resources (memory-core §7.5): the index's files, namespaces, tags and counts, and any chunk by id, each as
 * JSON text. The store is opened by the first read, never by listing the resources.
 */
public final class IndexResources {
    static final String SOURCES_URI = "memtomem://sources";
    static final String NAMESPACES_URI = "memtomem://namespaces";
    static final String TAGS_URI = "memtomem://tags";
    static final String STATS_URI = "memtomem://stats";
    static final String CHUNK_PREFIX = "memtomem://chunks/";
    static final String CHUNK_TEMPLATE = CHUNK_PREFIX + "{chunk_id}";

    private final ServerContext context;

    public IndexResources(ServerContext context) {
        this.context = context;
    }

    public List<MemoryResource> all() {
        return List.of(
                new MemoryResource(SOURCES_URI, "sources", "Indexed files: [{path, chunks, updated, namespaces, "
                        + "avg_tokens}].", uri -> Json.write(context.store().listSources(null, null).stream()
                        .map(BrowseTools::sourceJson).toList())),
                new MemoryResource(NAMESPACES_URI, "namespaces", "Namespaces with their chunk counts: "
                        + "[{namespace, chunks}].", uri -> Json.write(BrowseTools.namespacesJson(
                        context.store().namespaces()))),
                new MemoryResource(TAGS_URI, "tags", "Tags with their chunk counts, most used first: [{tag, chunks}].",
                        uri -> Json.write(BrowseTools.tagsJson(context.store().tags()))),
                new MemoryResource(STATS_URI, "stats", "Index totals: {total_chunks, total_sources}.",
                        uri -> stats()),
                new MemoryResource(CHUNK_TEMPLATE, "chunk", "One chunk by id: {id, content, source_file, "
                        + "heading_hierarchy, tags, namespace, start_line, end_line, created_at}.", this::chunk));
    }

    private String stats() {
        IndexStats stats = context.store().stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_chunks", stats.totalChunks());
        json.put("total_sources", stats.totalSources());
        return Json.write(json);
    }

    private String chunk(String uri) {
        if (!uri.startsWith(CHUNK_PREFIX)) {
            throw new InvalidInputException("uri", "not a chunk URI (" + CHUNK_TEMPLATE + "): " + uri);
        }
        String chunkId = uri.substring(CHUNK_PREFIX.length());
        StoredChunk chunk = context.store().read(chunkId)
                .orElseThrow(() -> NotFoundException.chunk(chunkId));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", chunk.id());
        json.put("content", chunk.content());
        json.put("source_file", chunk.source().toString());
        json.put("heading_hierarchy", chunk.hierarchy());
        json.put("tags", chunk.tags());
        json.put("namespace", chunk.namespace());
        json.put("start_line", chunk.startLine());
        json.put("end_line", chunk.endLine());
        json.put("created_at", chunk.createdAt());
        return Json.write(json);
    }
}
