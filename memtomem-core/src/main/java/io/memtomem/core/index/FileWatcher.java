package io.memtomem.core.index;

/** A running watcher over the memory directories; closing it stops watching. */
public interface FileWatcher extends AutoCloseable {
    /** Overflows and the rescans that caught up with them, for {@code mem_status}. */
    WatcherReport report();

    @Override
    void close();
}
