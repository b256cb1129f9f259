package io.memtomem.core.trace;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a cold start spends its time, for {@code MEMTOMEM_TRACE_STARTUP=1}: named marks in milliseconds since the JVM
 * started, printed to stderr at exit. Off by default, and then a mark costs one boolean test: {@code mm} runs as a
 * fresh process for every command, so its fixed cost is what users feel.
 */
public final class StartupTrace {
    /** The environment variable that turns the trace on. */
    public static final String VARIABLE = "MEMTOMEM_TRACE_STARTUP";

    private record Mark(String what, long nanos) {
    }

    /** A long-running server with the trace on keeps only its start-up. */
    private static final int MAX_MARKS = 64;
    private static final boolean ENABLED = System.getenv(VARIABLE) != null;
    private static final List<Mark> MARKS = ENABLED ? new ArrayList<>() : List.of();

    private StartupTrace() {
    }

    public static boolean enabled() {
        return ENABLED;
    }

    /** Records that {@code what} has just finished. */
    public static void mark(String what) {
        if (ENABLED) {
            synchronized (MARKS) {
                if (MARKS.size() < MAX_MARKS) {
                    MARKS.add(new Mark(what, System.nanoTime()));
                }
            }
        }
    }

    /**
     * Prints every mark as its time since JVM start and its own share (since the mark before). The JVM's uptime is
     * read once, here, so the management classes it needs load after everything measured (and before the clock
     * reading it is paired with).
     */
    public static void print(PrintWriter err) {
        if (!ENABLED) {
            return;
        }
        var runtime = ManagementFactory.getRuntimeMXBean();
        double startMillis = runtime.getUptime() - System.nanoTime() / 1e6;
        synchronized (MARKS) {
            double previous = 0;
            for (Mark mark : MARKS) {
                double at = startMillis + mark.nanos() / 1e6;
                err.printf(Locale.ROOT, "startup %7.1f ms  +%6.1f  %s%n", at, at - previous, mark.what());
                previous = at;
            }
        }
        err.flush();
    }
}
