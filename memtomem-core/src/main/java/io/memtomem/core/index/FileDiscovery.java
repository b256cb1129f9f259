package io.memtomem.core.index;

import io.memtomem.core.chunk.Chunkers;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds indexable files under a root: regular files with a supported extension, outside excluded directories and
 * not matching an exclusion rule, in sorted order. Symlinks are not followed, so a link cannot pull a whole other
 * tree (or a loop) into the index. Unreadable directories are reported, not fatal.
 */
final class FileDiscovery {
    /** Files found, directories that could not be read, and the symbolic links met (not followed). */
    record Found(List<Path> files, List<String> errors, List<Path> links) {
    }

    private final Chunkers chunkers;
    private final ExclusionRules rules;

    FileDiscovery(Chunkers chunkers, ExclusionRules rules) {
        this.chunkers = chunkers;
        this.rules = rules;
    }

    Found discover(Path root, boolean recursive) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            if (isIndexable(root, root.getParent())) {
                files.add(root);
            }
            return new Found(files, errors, links);
        }
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
                recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        boolean skip = !dir.equals(root)
                                && ExclusionRules.isExcludedDirectoryName(dir.getFileName().toString());
                        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && isIndexable(file, root)) {
                            files.add(file);
                        } else if (attrs.isSymbolicLink()) {
                            links.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        errors.add(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        return new Found(files, errors, links);
    }

    boolean isIndexable(Path file, Path root) {
        return chunkers.supports(file) && !rules.excludes(file, root);
    }
}
