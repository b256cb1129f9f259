package io.memtomem.server.transport;

import java.time.Duration;

/**
 * Counts running tool handlers and remembers when anything last happened, so shutdown can wait for the replies still
 * in flight: the SDK drops every reply once its reader has seen EOF (java-stack.md §1).
 */
public final class ActivityTracker {
    private int running;
    private long lastActivity = System.nanoTime();

    public synchronized void begin() {
        running++;
        lastActivity = System.nanoTime();
    }

    public synchronized void end() {
        running--;
        lastActivity = System.nanoTime();
        notifyAll();
    }

    /** A request was handed to the SDK: its handler may start a moment later. */
    public synchronized void touch() {
        lastActivity = System.nanoTime();
    }

    /**
     * Returns once no handler has been running for {@code quiet}, or after {@code cap}.
     *
     * @return whether the quiet period was reached before the cap
     */
    public synchronized boolean awaitQuiet(Duration quiet, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return false;
            }
            long idle = now - lastActivity;
            if (running == 0 && idle >= quiet.toNanos()) {
                return true;
            }
            long wait = running == 0 ? Math.min(quiet.toNanos() - idle, deadline - now) : deadline - now;
            wait(Math.max(1, wait / 1_000_000));
        }
    }
}
