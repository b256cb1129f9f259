package io.memtomem.core.index;

import java.nio.file.Path;

/**
 * What to index: a file or directory, whether to descend, whether to rewrite unchanged chunks, a namespace, and
 * whether files the redaction gate flags are indexed anyway ({@code mm index --force-unsafe}; audit-logged).
 */
public record IndexRequest(Path path, boolean recursive, boolean force, String namespace, boolean forceUnsafe) {
    /** A request that keeps the redaction gate on, as every caller but {@code mm index --force-unsafe} does. */
    public IndexRequest(Path path, boolean recursive, boolean force, String namespace) {
        this(path, recursive, force, namespace, false);
    }
}
