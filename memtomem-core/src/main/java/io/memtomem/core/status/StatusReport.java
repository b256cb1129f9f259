package io.memtomem.core.status;

import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.remote.HttpEndpoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code mm status} and {@code mem_status} show, collected once. {@link #toJson()} has stable snake_case
 * keys: {@code version}, {@code store}, {@code search}, {@code index}, {@code memory_dirs},
 * {@code project_memory_dirs}, {@code embedding},
 * {@code server}, {@code http} and {@code warnings}.
 */
public record StatusReport(String version, Path storeDir, Path dbPath, boolean dbExists, long dbSizeBytes,
                           long totalChunks, long totalSources, long orphanedSources, Map<String, Long> namespaces,
                           List<MemoryDirStatus> memoryDirs, List<MemoryDirStatus> projectMemoryDirs,
                           EmbeddingState embedding, int topK, int rrfK,
                           ServerBlock server, List<StatusWarning> warnings) {
    public StatusReport {
        namespaces = Map.copyOf(namespaces);
        memoryDirs = List.copyOf(memoryDirs);
        projectMemoryDirs = List.copyOf(projectMemoryDirs);
        warnings = List.copyOf(warnings);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version);
        json.put("store", object("path", storeDir.toString(), "db_path", dbPath.toString(), "db_exists", dbExists,
                "db_size_bytes", dbSizeBytes));
        json.put("search", object("top_k", topK, "rrf_k", rrfK));
        json.put("index", object("total_chunks", totalChunks, "total_sources", totalSources,
                "orphaned_sources", orphanedSources, "namespaces", new java.util.TreeMap<>(namespaces)));
        json.put("memory_dirs", dirsJson(memoryDirs));
        json.put("project_memory_dirs", dirsJson(projectMemoryDirs));
        json.put("embedding", object(
                "provider", embedding.storedProvider(),
                "model", embedding.storedModel(),
                "dimension", embedding.storedDimension(),
                "configured", object("provider", embedding.configuredProvider(), "model",
                        embedding.configuredModel(), "dimension", embedding.configuredDimension()),
                "mismatch", embedding.mismatch(),
                "vectors_stored", embedding.vectorsStored(),
                "vectors_pending", embedding.vectorsPending()));
        json.put("server", object("running", server.running(), "pid", server.pid(), "started", server.started(),
                "pid_file", server.pidFile() == null ? null : server.pidFile().toString(),
                "probe_error", server.probeError(), "serving_pids", server.serving()));
        // the store's Streamable HTTP server, if one runs: its transport and URL (null when none)
        json.put("http", HttpEndpoint.running(storeDir).map(http -> object("transport", "http", "url", http.url(),
                "pid", http.pid(), "token_required", http.tokenRequired())).orElse(null));
        json.put("warnings", warnings.stream()
                .map(warning -> object("kind", warning.kind(), "detail", warning.detail(), "fix", warning.fix()))
                .toList());
        return json;
    }

    private static List<Map<String, Object>> dirsJson(List<MemoryDirStatus> dirs) {
        return dirs.stream().map(dir -> object("path", dir.path().toString(), "exists", dir.exists())).toList();
    }

    /** An insertion-ordered map that keeps null values (JSON null), unlike {@code Map.of}. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
