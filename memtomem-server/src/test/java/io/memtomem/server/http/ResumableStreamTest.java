package io.memtomem.server.http;

import jakarta.servlet.AsyncContext;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumableStreamTest {
    private final StringWriter first = new StringWriter();
    private final ResumableStream stream = new ResumableStream("s1", "session",
            new ResumableStream.Connection(new PrintWriter(first), null));
    private final AtomicInteger completed = new AtomicInteger();

    private AsyncContext async() {
        return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AsyncContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("complete")) {
                        completed.incrementAndGet();
                    }
                    return null;
                });
    }

    private static String event(String data) {
        return "event: message\ndata: " + data + "\n\n";
    }

    @Test
    void eventsGetIdsOfTheStreamAndAResumedConnectionGetsWhatFollowedThenTheRestThenTheEnd() {
        stream.event(event("one"));
        stream.event(event("two"));
        assertEquals("id: s1-1\n" + event("one") + "id: s1-2\n" + event("two"), first.toString());

        StringWriter second = new StringWriter();
        assertTrue(stream.resume(1, new ResumableStream.Connection(new PrintWriter(second), async())));
        stream.event(event("three"));
        assertEquals("id: s1-2\n" + event("two") + "id: s1-3\n" + event("three"), second.toString());
        assertFalse(first.toString().contains("three"), "the old connection gets nothing once resumed elsewhere");
        assertEquals(0, completed.get());
        stream.end();
        assertEquals(1, completed.get(), "the resumed connection ends with the stream");
    }

    @Test
    void aStreamThatEndedWhileNobodyListenedIsReplayedAndEndedAtOnce() {
        PrintWriter broken = new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        ResumableStream lost = new ResumableStream("s2", "session", new ResumableStream.Connection(broken, null));
        lost.event(event("progress"));
        lost.event(event("reply"));
        lost.end();
        StringWriter again = new StringWriter();
        assertTrue(lost.resume(0, new ResumableStream.Connection(new PrintWriter(again), async())));
        assertEquals("id: s2-1\n" + event("progress") + "id: s2-2\n" + event("reply"), again.toString());
        assertEquals(1, completed.get());
    }

    @Test
    void eventsNoLongerKeptCannotBeResumed() {
        for (int i = 0; i < ResumableStream.MAX_EVENTS + 5; i++) {
            stream.event(event("e" + i));
        }
        assertFalse(stream.resume(2, new ResumableStream.Connection(new PrintWriter(new StringWriter()), async())));
        assertFalse(stream.resume(ResumableStream.MAX_EVENTS + 6, new ResumableStream.Connection(
                new PrintWriter(new StringWriter()), async())), "an id this stream never gave");
        assertTrue(stream.resume(10, new ResumableStream.Connection(new PrintWriter(new StringWriter()), async())));
    }
}
