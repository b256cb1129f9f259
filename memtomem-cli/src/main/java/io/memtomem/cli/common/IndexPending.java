package io.memtomem.cli.common;

import io.memtomem.cli.CliContext;

import java.util.Map;

/**
 * How every write command reports that its change is on disk but not indexed yet: a warning on stderr, or an
 * {@code index_pending} field in {@code --json}. The write succeeded, so it is never an error a script would retry.
 */
public final class IndexPending {
    private IndexPending() {
    }

    /** Adds {@code index_pending} to a {@code --json} payload when there is something pending. */
    public static void put(Map<String, Object> payload, String indexPending) {
        if (indexPending != null) {
            payload.put("index_pending", indexPending);
        }
    }

    /** Prints the warning after a command's text output when there is something pending. */
    public static void warn(CliContext context, String indexPending) {
        if (indexPending != null) {
            context.err().println(context.palette().yellow("Warning: ") + indexPending);
        }
    }
}
