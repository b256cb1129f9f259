package io.memtomem.cli.index;

import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.index.IndexProgress;
import io.memtomem.core.index.IndexProgressListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn in place with {@code \r}: files and chunks while indexing, chunks while
 * embedding, with rate and ETA once there is a rate (a second of work). Erased when the work is done so the summary
 * line that follows stands alone. One instance per phase: the rate and ETA count from its creation. The line never
 * reaches the terminal's last column (a wrapped line cannot be redrawn with {@code \r}): the parts that do not fit
 * are left out, least useful first. Interrupted (Ctrl-C), it ends its line and says how to resume.
 */
public final class ProgressBar implements IndexProgressListener, EmbedProgressListener {
    private static final int WIDTH = 24;
    private static final int DEFAULT_COLUMNS = 80;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** Below this much work a rate (and so an ETA) is a guess. */
    private static final double MIN_RATE_SECONDS = 1.0;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final int columns;
    private final long startNanos;
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastLineLength;
    private Thread interruptHint;

    ProgressBar(PrintWriter err, LongSupplier nanoClock, int columns) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.columns = columns;
        this.startNanos = nanoClock.getAsLong();
    }

    /** A bar on {@code err} timed by the system clock, as wide as the terminal. */
    public static ProgressBar on(PrintWriter err) {
        return new ProgressBar(err, System::nanoTime, TerminalWidth.columns(DEFAULT_COLUMNS));
    }

    @Override
    public void onProgress(IndexProgress progress) {
        update(progress.filesDone(), progress.filesTotal(), elapsed -> render(progress, elapsed, columns));
    }

    @Override
    public void onProgress(long done, long total) {
        update(done, total, elapsed -> renderEmbedding(done, total, elapsed, columns));
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

    static String render(IndexProgress progress, double elapsedSeconds, int columns) {
        long done = progress.filesDone();
        long total = progress.filesTotal();
        return fit(columns, bar(done, total, columns), done + "/" + total + " files",
                progress.chunksIndexed() + " chunks", rate(done, elapsedSeconds, "files"),
                eta(done, total, elapsedSeconds));
    }

    static String renderEmbedding(long done, long total, double elapsedSeconds, int columns) {
        return fit(columns, bar(done, total, columns), done + "/" + total + " chunks embedded",
                rate(done, elapsedSeconds, "chunks"), eta(done, total, elapsedSeconds));
    }

    /** The parts (most useful first; null = not shown) joined while they fit left of the last column. */
    static String fit(int columns, String... parts) {
        int room = Math.max(columns - 1, 10);
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            String next = line.length() == 0 ? part : (line.length() == parts[0].length() ? " " : "  ") + part;
            if (line.length() + next.length() > room) {
                break;
            }
            line.append(next);
        }
        return line.length() == 0 ? parts[0].substring(0, Math.min(parts[0].length(), room)) : line.toString();
    }

    private static String bar(long done, long total, int columns) {
        int width = Math.max(8, Math.min(WIDTH, columns / 4));
        int filled = (int) (width * done / Math.max(total, 1));
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    private static boolean hasRate(long done, double elapsedSeconds) {
        return done > 0 && elapsedSeconds >= MIN_RATE_SECONDS;
    }

    private static String rate(long done, double elapsedSeconds, String unit) {
        return hasRate(done, elapsedSeconds)
                ? String.format(Locale.ROOT, "%.1f %s/s", done / elapsedSeconds, unit) : null;
    }

    private static String eta(long done, long total, double elapsedSeconds) {
        return hasRate(done, elapsedSeconds)
                ? "ETA " + Math.round((total - done) / (done / elapsedSeconds)) + "s" : null;
    }

    private void draw(String line) {
        if (interruptHint == null) {
            interruptHint = new Thread(this::interrupted, "progress-bar-interrupt");
            registerHook(interruptHint, true);
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        err.flush();
        lastLineLength = line.length();
    }

    private void erase() {
        if (interruptHint != null) {
            registerHook(interruptHint, false);
            interruptHint = null;
        }
        if (lastLineLength > 0) {
            err.print("\r" + " ".repeat(lastLineLength) + "\r");
            err.flush();
            lastLineLength = 0;
        }
    }

    /** Ctrl-C while the bar shows: end its line, so the shell prompt starts clean, and say how to go on. */
    void interrupted() {
        err.println();
        err.println("Interrupted. Run the same command again to resume: files already indexed are unchanged and "
                + "skipped, chunks still without a vector are embedded.");
        err.flush();
    }

    private static void registerHook(Thread hook, boolean add) {
        try {
            if (add) {
                Runtime.getRuntime().addShutdownHook(hook);
            } else {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) anyway
        }
    }
}
