package io.memtomem.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code indexing} section as this build honours it: which directories are memory (the first user dir receives
 * new memories), which files in them are read, and how they are cut into chunks.
 */
public record IndexingConfig(List<Path> memoryDirs, List<Path> projectMemoryDirs, List<String> supportedExtensions,
                             List<String> excludePatterns, int maxChunkTokens, int minChunkTokens,
                             int targetChunkTokens, int chunkOverlapTokens, int paragraphSplitThreshold) {
    public IndexingConfig {
        memoryDirs = List.copyOf(memoryDirs);
        projectMemoryDirs = List.copyOf(projectMemoryDirs);
        supportedExtensions = List.copyOf(supportedExtensions);
        excludePatterns = List.copyOf(excludePatterns);
    }

    /** Every directory the index, the watcher and the writer work in: memory dirs, then project memory dirs. */
    public List<Path> indexRoots() {
        return Stream.concat(memoryDirs.stream(), projectMemoryDirs.stream()).toList();
    }

    @SuppressWarnings("unchecked")
    static IndexingConfig from(Map<String, Object> values) {
        return new IndexingConfig((List<Path>) values.get("indexing.memory_dirs"),
                (List<Path>) values.get("indexing.project_memory_dirs"),
                (List<String>) values.get("indexing.supported_extensions"),
                (List<String>) values.get("indexing.exclude_patterns"),
                (Integer) values.get("indexing.max_chunk_tokens"), (Integer) values.get("indexing.min_chunk_tokens"),
                (Integer) values.get("indexing.target_chunk_tokens"),
                (Integer) values.get("indexing.chunk_overlap_tokens"),
                (Integer) values.get("indexing.paragraph_split_threshold"));
    }
}
