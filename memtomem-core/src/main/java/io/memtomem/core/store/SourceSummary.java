package io.memtomem.core.store;

import java.nio.file.Path;
import java.util.List;

/** One indexed file: chunk count, average estimated tokens per chunk (characters / 4) and its namespaces. */
public record SourceSummary(Path source, int chunks, int avgTokens, List<String> namespaces) {
    public SourceSummary {
        namespaces = List.copyOf(namespaces);
    }
}
