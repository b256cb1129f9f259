package io.memtomem.core.index;

/** A running watcher over the memory directories; closing it stops watching. */
public interface FileWatcher extends AutoCloseable {
    @Override
    void close();
}
