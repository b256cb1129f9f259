package io.memtomem.server.tools;

import io.memtomem.core.store.StoredChunk;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON object of a stored chunk, shared by the structured outputs of read, recall and expand. */
final class ChunkJson {
    private ChunkJson() {
    }

    static Map<String, Object> of(StoredChunk chunk) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("chunk_id", chunk.id());
        json.put("namespace", chunk.namespace());
        json.put("source", chunk.source().toString());
        json.put("hierarchy", Snippets.hierarchy(chunk.hierarchy()));
        json.put("start_line", chunk.startLine());
        json.put("end_line", chunk.endLine());
        json.put("tags", chunk.tags());
        json.put("created_at", chunk.createdAt());
        json.put("content", chunk.content());
        return json;
    }
}
