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
        try {
            return realLocation(path);
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * The real path of the longest existing part of {@code path} plus the names that do not exist yet.
     *
     * @throws IOException when the existing part cannot be resolved (a dangling symlink, no permission)
     */
    public static Path realLocation(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    }
}
