package io.memtomem.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one spelling of a source path used as {@code source_file}: absolute, normalised and with symlinks resolved
 * as far as the path exists (Python's {@code Path.resolve(strict=False)}), so a file reached through a symlinked
 * memory dir, a relative argument or the writer is always the same source.
 */
public final class SourcePaths {
    private SourcePaths() {
    }

    public static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
