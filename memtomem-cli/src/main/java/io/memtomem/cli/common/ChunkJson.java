package io.memtomem.cli.common;

import io.memtomem.core.store.StoredChunk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a stored chunk, shared by {@code mm recall} and {@code mm read}. */
public final class ChunkJson {
    private ChunkJson() {
    }

    public static Map<String, Object> of(StoredChunk chunk) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("chunk_id", chunk.id());
        row.put("source", chunk.source().toString());
        row.put("hierarchy", List.copyOf(chunk.hierarchy()));
        row.put("namespace", chunk.namespace());
        row.put("tags", List.copyOf(chunk.tags()));
        row.put("start_line", chunk.startLine());
        row.put("end_line", chunk.endLine());
        row.put("created_at", chunk.createdAt());
        row.put("updated_at", chunk.updatedAt());
        row.put("content_hash", chunk.contentHash());
        row.put("content", chunk.content());
        return row;
    }
}
