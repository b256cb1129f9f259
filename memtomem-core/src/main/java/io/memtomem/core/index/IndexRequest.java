package io.memtomem.core.index;

import java.nio.file.Path;

/** What to index: a file or directory, whether to descend, whether to rewrite unchanged chunks, and a namespace. */
public record IndexRequest(Path path, boolean recursive, boolean force, String namespace) {
}
