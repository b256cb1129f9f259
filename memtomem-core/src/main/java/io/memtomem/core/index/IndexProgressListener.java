package io.memtomem.core.index;

@FunctionalInterface
public interface IndexProgressListener {
    void onProgress(IndexProgress progress);
}
