package io.memtomem.cli.uninstall;

import io.memtomem.cli.common.FileTrees;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All-or-nothing deletion (locking.md §7.7): every entry is first renamed into {@code .uninstall-staging-<pid>}
 * beside it; any failed rename moves the completed ones back, so a failure leaves the tree as it was. Only when
 * every rename succeeded are the staging dirs deleted.
 */
final class StagedDeletion {
    /** The rename primitive; tests swap in one that fails on purpose. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    static final Mover ATOMIC_RENAME = (source, target) -> Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);

    /** Staging failed; {@code lines} say what happened and whether the rollback restored everything. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> lines;

        Failure(List<String> lines) {
            super(String.join(" ", lines));
            this.lines = List.copyOf(lines);
        }

        List<String> lines() {
            return lines;
        }
    }

    private record Move(Path source, Path staged) {
    }

    private final Mover mover;
    private final String stagingName;
    private final Map<Path, Path> stagingDirs = new LinkedHashMap<>();
    private final List<Move> moves = new ArrayList<>();

    StagedDeletion(Mover mover, long pid) {
        this.mover = mover;
        this.stagingName = ".uninstall-staging-" + pid;
    }

    /** Renames every entry into staging, or restores everything and throws. */
    void stage(List<Entry> plan) throws Failure {
        for (Entry entry : plan) {
            Path source = entry.path();
            try {
                Path staged = stagingDir(source.getParent()).resolve(source.getFileName());
                mover.move(source, staged);
                moves.add(new Move(source, staged));
            } catch (IOException e) {
                throw new Failure(rollBack(source, e));
            }
        }
    }

    /** Deletes the staged content; returns a warning per staging dir that could not be removed. */
    List<String> purge() {
        List<String> warnings = new ArrayList<>();
        for (Path dir : stagingDirs.values()) {
            try {
                FileTrees.deleteRecursively(dir);
            } catch (IOException e) {
                warnings.add("could not remove staging dir " + dir + ": " + e.getMessage());
            }
        }
        return warnings;
    }

    /**
     * The staging dir must be new: if one with our name exists (a crashed earlier run with a recycled pid), writing
     * into it could mix our files with someone else's.
     */
    private Path stagingDir(Path anchor) throws IOException {
        Path existing = stagingDirs.get(anchor);
        if (existing != null) {
            return existing;
        }
        Path created = Files.createDirectory(anchor.resolve(stagingName));
        stagingDirs.put(anchor, created);
        return created;
    }

    private List<String> rollBack(Path failedSource, IOException cause) {
        List<String> stuck = new ArrayList<>();
        for (int i = moves.size() - 1; i >= 0; i--) {
            Move move = moves.get(i);
            try {
                mover.move(move.staged(), move.source());
            } catch (IOException e) {
                stuck.add("  " + move.staged() + " (belongs at " + move.source() + ")");
            }
        }
        moves.clear();
        List<String> lines = new ArrayList<>();
        if (cause instanceof AtomicMoveNotSupportedException) {
            lines.add("Refusing to proceed: " + failedSource + " is on a different filesystem than "
                    + failedSource.getParent() + ".");
        } else {
            lines.add("Deletion failed at " + failedSource + ": " + cause);
        }
        if (stuck.isEmpty()) {
            // only the empty scaffolding this run created; never walk into staged user content
            stagingDirs.values().forEach(StagedDeletion::deleteIfEmpty);
            lines.add("Rolled back — no files were deleted.");
        } else {
            lines.add("Rollback also failed; these files are still staged:");
            lines.addAll(stuck);
            stagingDirs.values().forEach(dir -> lines.add("Staging dir: " + dir));
        }
        return lines;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // left in place on purpose: something is in it that this run did not put back
        }
    }
}
