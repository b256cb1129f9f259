package io.memtomem.cli.index;

import io.memtomem.core.index.IndexProgress;
import io.memtomem.core.index.IndexProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn in place with {@code \r}: files, chunks, rate and ETA. Erased when
 * the last file is done so the summary line that follows stands alone.
 */
final class ProgressBar implements IndexProgressListener {
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

    @Override
    public void onProgress(IndexProgress progress) {
        long now = nanoClock.getAsLong();
        boolean finished = progress.filesDone() >= progress.filesTotal();
        if (finished) {
            erase();
            return;
        }
        // redrawing on every file would make the terminal, not the indexer, the bottleneck
        if (lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        draw(render(progress, (now - startNanos) / 1e9));
    }

    static String render(IndexProgress progress, double elapsedSeconds) {
        int total = Math.max(progress.filesTotal(), 1);
        int filled = (int) ((long) WIDTH * progress.filesDone() / total);
        double rate = elapsedSeconds > 0 ? progress.filesDone() / elapsedSeconds : 0;
        String eta = rate > 0 ? Math.round((progress.filesTotal() - progress.filesDone()) / rate) + "s" : "?";
        return String.format(Locale.ROOT, "[%s%s] %d/%d files  %d chunks  %.1f files/s  ETA %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), progress.filesDone(), progress.filesTotal(),
                progress.chunksIndexed(), rate, eta);
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
