package io.memtomem.core.write;

import java.nio.file.Path;

/** Where the entry (or batch) landed, the namespace its chunks carry, and the file's chunk count after re-indexing. */
public record AddResult(Path file, String namespace, int chunksIndexed) {}
