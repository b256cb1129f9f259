package io.memtomem.cli.index;

import io.memtomem.cli.CliContext;
import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbedProgressListener;
import io.memtomem.core.embed.EmbedRun;

import java.util.Map;

/**
 * The vector half of every CLI command that writes chunks ({@code index}, {@code add}, {@code embed}, and
 * {@code init}'s first index): embed what is pending before the process exits, since a background embedder would
 * die with it, with a progress bar for a person at a terminal. Also the one wording of "chunks have no vector yet"
 * for the commands that find some.
 */
public final class PendingVectors {
    /** The command that embeds pending chunks without re-indexing anything. */
    public static final String FIX = "mm embed";

    private PendingVectors() {
    }

    /** Embeds every chunk without a vector (nothing when no embedding provider is configured). */
    public static EmbedRun embed(CliContext context, Memtomem memtomem, boolean json) {
        EmbedProgressListener progress = context.interactive() && !json ? ProgressBar.on(context.err())
                : EmbedProgressListener.NONE;
        return memtomem.embedPending(progress);
    }

    /** The summary line, or null when nothing was embedded. */
    public static String summary(EmbedRun run) {
        return run.embedded() == 0 ? null : "Embedded " + run.embedded() + " chunk(s) (" + run.millis() + "ms)";
    }

    /** Why chunks stayed without a vector after a run, or null when none did. */
    public static String failure(EmbedRun run) {
        return run.failure().map(error -> "embedding stopped: " + error + "; " + warning(run.stillPending()))
                .orElse(null);
    }

    /** {@code N chunk(s) have no vector yet …}: count, consequence and fix. */
    public static String warning(long pending) {
        return pending + " chunk(s) have no vector yet, so only keyword search finds them; run `" + FIX
                + "` to embed them (a running memtomem server also does it in the background)";
    }

    /** The run's {@code --json} fields. */
    public static void putJson(Map<String, Object> payload, EmbedRun run) {
        payload.put("embedded", run.embedded());
        payload.put("vectors_pending", run.stillPending());
        run.failure().ifPresent(error -> payload.put("embedding_error", error));
    }
}
