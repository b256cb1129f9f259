package io.memtomem.cli.index;

import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.index.IndexProgress;
import io.memtomem.core.index.IndexProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn in place with {@code \r}: files and chunks while indexing, chunks while
 * embedding, with rate and ETA. Erased when the work is done so the summary line that follows stands alone. One
 * instance per phase: the rate and ETA count from its creation.
 */
public final class ProgressBar implements IndexProgressListener, EmbedProgressListener {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastLineLength;

    ProgressBar(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** A bar on {@code err} timed by the system clock. */
    public static ProgressBar on(PrintWriter err) {
        return new ProgressBar(err, System::nanoTime);
    }

    @Override
    public void onProgress(IndexProgress progress) {
        update(progress.filesDone(), progress.filesTotal(), elapsed -> render(progress, elapsed));
    }

    @Override
    public void onProgress(long done, long total) {
        update(done, total, elapsed -> renderEmbedding(done, total, elapsed));
    }

    private interface Frame {
        String at(double elapsedSeconds);
    }

    private void update(long done, long total, Frame frame) {
        long now = nanoClock.getAsLong();
        if (done >= total) {
            erase();
            return;
        }
        // redrawing on every step would make the terminal, not the work, the bottleneck
        if (lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        draw(frame.at((now - startNanos) / 1e9));
    }

    static String render(IndexProgress progress, double elapsedSeconds) {
        return bar(progress.filesDone(), progress.filesTotal()) + String.format(Locale.ROOT,
                " %d/%d files  %d chunks  %.1f files/s  ETA %s", progress.filesDone(), progress.filesTotal(),
                progress.chunksIndexed(), rate(progress.filesDone(), elapsedSeconds),
                eta(progress.filesDone(), progress.filesTotal(), elapsedSeconds));
    }

    static String renderEmbedding(long done, long total, double elapsedSeconds) {
        return bar(done, total) + String.format(Locale.ROOT, " %d/%d chunks embedded  %.1f chunks/s  ETA %s",
                done, total, rate(done, elapsedSeconds), eta(done, total, elapsedSeconds));
    }

    private static String bar(long done, long total) {
        int filled = (int) (WIDTH * done / Math.max(total, 1));
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
    }

    private static double rate(long done, double elapsedSeconds) {
        return elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    }

    private static String eta(long done, long total, double elapsedSeconds) {
        double rate = rate(done, elapsedSeconds);
        return rate > 0 ? Math.round((total - done) / rate) + "s" : "?";
    }

    private void draw(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        err.flush();
        lastLineLength = line.length();
    }

    private void erase() {
        if (lastLineLength > 0) {
            err.print("\r" + " ".repeat(lastLineLength) + "\r");
            err.flush();
            lastLineLength = 0;
        }
    }
}
