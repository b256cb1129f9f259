package io.memtomem.core.scope;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The scope stamped on every chunk of a file and, for the project tiers, the project it belongs to.
 *
 * @param projectRoot the project directory (real path); null for the user tier
 */
public record ScopedLocation(Scope scope, Path projectRoot) {
    public static final ScopedLocation USER = new ScopedLocation(Scope.USER, null);

    public ScopedLocation {
        Objects.requireNonNull(scope, "scope");
    }

    /** {@code chunks.project_root}: the project directory as text, or null. */
    public String projectRootText() {
        return projectRoot == null ? null : projectRoot.toString();
    }
}
