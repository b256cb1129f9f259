package io.memtomem.core.store;

import java.nio.file.Path;
import java.util.List;

/**
 * One indexed file: chunk count, average estimated tokens per chunk (characters / 4), its namespaces, and when its
 * chunks last changed ({@code updated}, the newest {@code updated_at}).
 */
public record SourceSummary(Path source, int chunks, int avgTokens, List<String> namespaces, String updated) {
    public SourceSummary {
        namespaces = List.copyOf(namespaces);
    }
}
