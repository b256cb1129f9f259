package io.memtomem.locking;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reference's start-up/uninstall barrier, {@code <runtime dir>/lifecycle.lock} (locking.md §3.3 step 8, §7.3 step
 * 12): a server holds it shared while its storage is open, a destructive command takes it exclusively, so neither can
 * start while the other runs. Same file and primitive as the Python memtomem, so the two fence each other. The file is
 * never deleted.
 */
public final class LifecycleBarrier implements AutoCloseable {
    public static final String FILE_NAME = "lifecycle.lock";
    /** The reference's budget for both sides. */
    public static final Duration BUDGET = Duration.ofSeconds(2);

    private final List<LockableFile> held;

    private LifecycleBarrier(List<LockableFile> held) {
        this.held = List.copyOf(held);
    }

    /**
     * A server's side: shared on the canonical runtime dir (created if absent), waiting at most {@code budget}.
     *
     * @return empty when an exclusive holder (an uninstall in progress) kept it for the whole budget
     * @throws IOException when the runtime dir is refused or the lock file cannot be used
     */
    public static Optional<LifecycleBarrier> shared(Os os, Duration budget) throws IOException {
        Path dir = RuntimeDirs.ensure(os);
        return acquireAll(os, List.of(dir.resolve(FILE_NAME)), LockMode.SHARED, budget);
    }

    /**
     * A destructive command's side: exclusive on the canonical runtime dir (created if absent) and on every other
     * runtime dir that exists and validates, where servers of older Python versions may hold it.
     *
     * @return empty when a server (or another uninstall) kept any of them for the whole budget
     * @throws IOException when the canonical runtime dir is refused or a lock file cannot be used
     */
    public static Optional<LifecycleBarrier> exclusive(Os os, Duration budget) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(RuntimeDirs.ensure(os));
        dirs.addAll(RuntimeDirs.usable(os).dirs());
        List<Path> files = new ArrayList<>();
        dirs.forEach(dir -> files.add(dir.resolve(FILE_NAME)));
        return acquireAll(os, files, LockMode.EXCLUSIVE, budget);
    }

    private static Optional<LifecycleBarrier> acquireAll(Os os, List<Path> files, LockMode mode, Duration budget)
            throws IOException {
        long deadline = System.nanoTime() + budget.toNanos();
        List<LockableFile> held = new ArrayList<>();
        try {
            for (Path file : files) {
                Optional<LockableFile> locked = LockFiles.lockBefore(os, file, mode, deadline);
                if (locked.isEmpty()) {
                    held.forEach(LockableFile::close);
                    return Optional.empty();
                }
                held.add(locked.get());
            }
        } catch (IOException | RuntimeException e) {
            held.forEach(LockableFile::close);
            throw e;
        }
        return Optional.of(new LifecycleBarrier(held));
    }

    /** Releases every lock (closing the descriptors); the files stay. Idempotent. */
    @Override
    public void close() {
        held.forEach(LockableFile::close);
    }
}
