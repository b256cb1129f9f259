package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts running tool handlers, the requests not answered yet and the replies not written yet, and remembers when
 * anything last happened, so
 * shutdown can wait for the replies still in flight: the SDK drops every reply once its reader has seen EOF
 * (java-stack.md §1).
 */
public final class ActivityTracker {
    private final Set<String> unanswered = new HashSet<>();
    private int running;
    private long framesQueued;
    private long framesWritten;
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

    /** A message was handed to the SDK; a request (it has an id and a method) now waits for its reply. */
    public synchronized void received(JsonNode message) {
        lastActivity = System.nanoTime();
        JsonNode id = message == null ? null : message.get("id");
        if (id != null && message.hasNonNull("method") && (id.isNumber() || id.isTextual())) {
            unanswered.add(id.isNumber() ? number(id.decimalValue()) : "\"" + id.textValue());
        }
    }

    /** A request was cancelled: it gets no reply, so nothing waits for one. */
    public synchronized void cancelled(JsonNode id) {
        if (id != null && (id.isNumber() || id.isTextual())) {
            unanswered.remove(id.isNumber() ? number(id.decimalValue()) : "\"" + id.textValue());
            lastActivity = System.nanoTime();
            notifyAll();
        }
    }

    /**
     * A message is about to be queued for writing; when it is a reply, {@code id} is the request it answers. The
     * SDK's writer thread writes it a moment later ({@link #written}).
     */
    public synchronized void sending(Object id) {
        framesQueued++;
        if (id instanceof Number n) {
            unanswered.remove(number(new BigDecimal(n.toString())));
        } else if (id != null) {
            unanswered.remove("\"" + id);
        }
        lastActivity = System.nanoTime();
    }

    /** A queued message reached the protocol stream (or was dropped). */
    public synchronized void written() {
        framesWritten++;
        lastActivity = System.nanoTime();
        notifyAll();
    }

    /** Whether a request received is still waiting for its reply. */
    public synchronized boolean awaitingReply() {
        return !unanswered.isEmpty();
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Returns once every request received has its reply written and nothing has happened for {@code quiet}, or after
     * {@code cap}.
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
            boolean settled = running == 0 && unanswered.isEmpty() && framesWritten >= framesQueued;
            if (settled && idle >= quiet.toNanos()) {
                return true;
            }
            long wait = settled ? Math.min(quiet.toNanos() - idle, deadline - now) : deadline - now;
            wait(Math.max(1, wait / 1_000_000));
        }
    }
}
