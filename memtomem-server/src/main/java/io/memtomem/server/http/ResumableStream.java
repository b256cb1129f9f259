package io.memtomem.server.http;

import jakarta.servlet.AsyncContext;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One SSE stream the SDK writes (a POST's reply stream, or a GET stream), kept so a client that lost the connection
 * can take it up again with {@code Last-Event-ID}. Every event gets an id of this stream ({@code <stream>-<n>}),
 * is kept (the last {@value #MAX_EVENTS}), and goes to whichever connection is attached now: first the one the
 * stream was opened on, after a resumption the resuming GET. A connection that fails to take an event is dropped
 * and the stream goes on without one, so the SDK never sees the client go and its reply is kept for the next GET.
 */
final class ResumableStream {
    static final int MAX_EVENTS = 1_000;

    private record Event(long number, String text) {
    }

    /** Where events go now: a writer, and for a resumed connection the async request to end with the stream. */
    record Connection(PrintWriter writer, AsyncContext resumed) {
    }

    final String id;
    final String session;
    private final Deque<Event> events = new ArrayDeque<>();
    private long lastNumber;
    private Connection attached;
    private boolean ended;
    private long endedAtNanos;

    ResumableStream(String id, String session, Connection first) {
        this.id = id;
        this.session = session;
        this.attached = first;
    }

    /** An event as the SDK wrote it, its {@code id:} line replaced by this stream's next id. */
    synchronized void event(String fieldsWithoutId) {
        long number = ++lastNumber;
        String text = "id: " + id + "-" + number + "\n" + fieldsWithoutId;
        events.addLast(new Event(number, text));
        if (events.size() > MAX_EVENTS) {
            events.removeFirst();
        }
        send(text);
    }

    private void send(String text) {
        if (attached == null) {
            return;
        }
        attached.writer().write(text);
        attached.writer().flush();
        if (attached.writer().checkError()) {
            attached = null; // the client went away; the events stay here for its Last-Event-ID
        }
    }

    /** The SDK ended the stream (the reply is sent, or the GET stream released): a resumed connection ends too. */
    synchronized void end() {
        ended = true;
        endedAtNanos = System.nanoTime();
        completeResumed();
    }

    synchronized boolean endedBefore(long nanos) {
        return ended && endedAtNanos < nanos;
    }

    /**
     * Takes the stream up on {@code connection} after event {@code after}: sends what followed, then what comes, and
     * ends the connection with the stream. False when events after {@code after} are no longer kept.
     */
    synchronized boolean resume(long after, Connection connection) {
        if (after > lastNumber || (!events.isEmpty() && events.peekFirst().number() > after + 1)) {
            return false;
        }
        completeResumed(); // a connection resumed before and lost again
        attached = connection;
        for (Event event : events) {
            if (event.number() > after) {
                send(event.text());
            }
        }
        if (ended) {
            completeResumed();
        }
        return true;
    }

    private void completeResumed() {
        if (attached != null && attached.resumed() != null) {
            try {
                attached.resumed().complete();
            } catch (IllegalStateException alreadyOver) {
                // the client closed it first
            }
            attached = null;
        }
    }
}
