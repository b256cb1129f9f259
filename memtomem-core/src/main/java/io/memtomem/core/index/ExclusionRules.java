package io.memtomem.core.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What discovery and indexing never touch (memory-core.md §4.1): tool and VCS directories, secret files (keys,
 * credentials, {@code .env}), provider noise, and the user's {@code indexing.exclude_patterns}, which are matched
 * against both the absolute path and the path relative to the index root.
 */
public final class ExclusionRules {
    private static final Set<String> EXCLUDED_DIRS = Set.of(".venv", "venv", ".git", "node_modules", "__pycache__",
            ".pytest_cache", ".ruff_cache", ".mypy_cache", "dist", "build", ".tox", ".eggs", ".idea", ".vscode",
            ".aws", ".ssh", ".gnupg");
    private static final List<String> BUILT_IN_PATTERNS = List.of("**/oauth_creds.json", "**/credentials*",
            "**/id_rsa*", "**/*.pem", "**/*.key", "**/.ssh/**", "**/.env", "**/.env.*", "**/*.meta.json");

    private final List<IgnorePattern> user;

    /**
     * The built-in patterns, compiled once and only when a path is first checked: a write re-indexes its own file
     * without asking, and nine case-insensitive patterns cost a cold {@code mm add} ~1-2 ms.
     */
    private static final class BuiltIn {
        static final List<IgnorePattern> PATTERNS = BUILT_IN_PATTERNS.stream().map(IgnorePattern::parse).toList();
    }

    public ExclusionRules(List<String> userPatterns) {
        List<IgnorePattern> parsed = new ArrayList<>();
        userPatterns.stream().filter(p -> !IgnorePattern.isComment(p)).map(IgnorePattern::parse).forEach(parsed::add);
        this.user = List.copyOf(parsed);
    }

    /** A directory the walk does not descend into (checked by name, below the index root). */
    public static boolean isExcludedDirectoryName(String name) {
        return EXCLUDED_DIRS.contains(name) || name.toLowerCase(Locale.ROOT).endsWith(".egg-info");
    }

    /** Whether a file (given with the root it was found under) is excluded. */
    public boolean excludes(Path file, Path root) {
        String absolute = slashes(file.toString()).replaceFirst("^/+", "");
        String relative = file.startsWith(root) && !file.equals(root) ? slashes(root.relativize(file).toString())
                : file.getFileName().toString();
        if (insideExcludedDirectory(file, root)) {
            return true;
        }
        if (BuiltIn.PATTERNS.stream().anyMatch(p -> p.matches(relative) || p.matches(absolute))) {
            return true;
        }
        boolean excluded = false;
        // gitignore semantics: the last matching pattern decides, so "!keep.md" can re-include
        for (IgnorePattern pattern : user) {
            if (pattern.matches(relative) || pattern.matches(absolute)) {
                excluded = !pattern.negated();
            }
        }
        return excluded;
    }

    private static boolean insideExcludedDirectory(Path file, Path root) {
        if (!file.startsWith(root)) {
            return false;
        }
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (isExcludedDirectoryName(relative.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
