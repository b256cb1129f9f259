package io.memtomem.server.tools;

/**
 * Whether the client cancelled a call (MCP {@code notifications/cancelled}). A cancelled call sends nothing more:
 * no progress, no reply. Long tools ask {@link #isCancelled} at their safe points ({@code mem_index}: each file).
 */
public final class Cancellation {
    private boolean cancelled;

    /** Marks the call cancelled; returns only once a send that {@link #unlessCancelled} started has finished. */
    public synchronized void cancel() {
        cancelled = true;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code send} unless the call is cancelled, holding off {@link #cancel} meanwhile: once the reader that
     * took the cancellation goes on, nothing more can be sent for the call.
     */
    public synchronized boolean unlessCancelled(Runnable send) {
        if (cancelled) {
            return false;
        }
        send.run();
        return true;
    }
}
