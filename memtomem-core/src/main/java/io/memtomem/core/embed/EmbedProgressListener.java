package io.memtomem.core.embed;

/** Progress of a foreground embedding run: chunks embedded so far out of those pending when it started. */
@FunctionalInterface
public interface EmbedProgressListener {
    EmbedProgressListener NONE = (done, total) -> { };

    void onProgress(long done, long total);
}
