package io.memtomem.core.index;

import java.nio.file.Path;

/** Reported after each file; {@code chunksIndexed} counts chunks written (new or updated) so far. */
public record IndexProgress(int filesDone, int filesTotal, long chunksIndexed, int filesSkipped, int errors,
                            Path currentFile) {
}
