package io.memtomem.core.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the file watcher did beyond single-file updates, for {@code mem_status}: how often more changes arrived than it
 * queues ({@link DirectoryWatcher#MAX_PENDING} files, or the OS's own event queue overflowed), and the memory dirs it
 * rescanned instead of dropping those changes.
 *
 * @param lastOverflow  null until the first overflow
 * @param rescanPending a rescan is due at the end of the current burst of changes
 * @param filesRescanned files the last rescan looked at
 */
public record WatcherReport(int overflows, Instant lastOverflow, boolean rescanPending, List<Path> rescannedDirs,
                            int filesRescanned) {
    static final WatcherReport NONE = new WatcherReport(0, null, false, List.of(), 0);

    public WatcherReport {
        rescannedDirs = List.copyOf(rescannedDirs);
    }
}
