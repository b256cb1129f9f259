package io.memtomem.server.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StdinGuardTest {
    private static final String REQUEST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    private static final String NOTIFICATION = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ProtocolOutput protocol = new ProtocolOutput(written);
    private final ActivityTracker activity = new ActivityTracker();
    private final CancellableCalls calls = new CancellableCalls();
    private final CountDownLatch ended = new CountDownLatch(1);

    private StdinGuard guard(InputStream in) {
        return guard(in, CompletableFuture.completedFuture(null));
    }

    /** A guard whose EOF gives up quickly on requests nobody answers in these tests. */
    private StdinGuard guard(InputStream in, CompletableFuture<Void> ready) {
        return guard(in, ready, Duration.ofMillis(200));
    }

    private StdinGuard guard(InputStream in, CompletableFuture<Void> ready, Duration endCap) {
        ObjectMapper json = new ObjectMapper();
        return new StdinGuard(in, json, new JacksonMcpJsonMapper(json), protocol,
                new RequestScreen(json, Set.of("mem_search")), calls, activity, ended::countDown, ready, endCap);
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passesMessagesThroughLineByLine() throws IOException {
        String passed = new String(guard(input(REQUEST + "\r\n\n  \n" + NOTIFICATION)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(REQUEST + "\n" + NOTIFICATION + "\n", passed);
        assertEquals("", written.toString(StandardCharsets.UTF_8));
        assertEquals(0, ended.getCount());
    }

    @Test
    void answersLinesTheSdkCannotParse() throws IOException {
        String passed = new String(guard(input("not json\n[1,2]\n{\"id\":7,\"x\":1}\n42\n" + REQUEST + "\n"))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(REQUEST + "\n", passed);
        assertEquals("""
                {"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}
                {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request"}}
                {"jsonrpc":"2.0","id":7,"error":{"code":-32600,"message":"Invalid Request"}}
                {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request"}}
                """, written.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesALineLongerThanTheSdkLimit() throws IOException {
        String huge = "{\"x\":\"" + "a".repeat(StdinGuard.MAX_LINE_BYTES) + "\"}";
        String passed = new String(guard(input(huge + "\n" + REQUEST + "\n")).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(REQUEST + "\n", passed);
        assertTrue(written.toString(StandardCharsets.UTF_8).contains("-32600"));
    }

    @Test
    void availableCoversOnlyTheCurrentLine() throws IOException {
        StdinGuard guard = guard(input(REQUEST + "\n" + REQUEST + "\n"));
        assertEquals(0, guard.available());
        byte[] first = new byte[5];
        assertEquals(5, guard.read(first, 0, 5));
        assertEquals(REQUEST.length() + 1 - 5, guard.available());
    }

    @Test
    void readsNothingBeforeItIsReady() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        InputStream counted = new FilterInputStream(input(REQUEST + "\n")) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                reads.incrementAndGet();
                return super.read(buffer, offset, length);
            }
        };
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StdinGuard guard = guard(counted, ready);
        CompletableFuture<byte[]> passed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                passed.complete(guard.readAllBytes());
            } catch (IOException e) {
                passed.completeExceptionally(e);
            }
        });
        reader.start();
        awaitState(reader, Thread.State.WAITING);
        assertEquals(0, reads.get(), "stdin must not be read before the lock is decided");
        ready.complete(null);
        assertEquals(REQUEST + "\n", new String(passed.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }

    @Test
    void endOfInputWaitsForTheRunningHandler() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        StdinGuard guard = guard(new PipedInputStream(client));
        activity.begin();
        client.close();
        Thread reader = drainInBackground(guard);
        awaitState(reader, Thread.State.TIMED_WAITING);
        assertEquals(1, ended.getCount());
        activity.end();
        assertTrue(ended.await(5, TimeUnit.SECONDS));
        reader.join(5_000);
        assertFalse(reader.isAlive());
    }

    @Test
    void endOfInputWaitsUntilEveryRequestPassedOnIsAnswered() throws Exception {
        StdinGuard guard = guard(input(REQUEST + "\n"), CompletableFuture.completedFuture(null), Duration.ofSeconds(30));
        Thread reader = drainInBackground(guard);
        awaitState(reader, Thread.State.TIMED_WAITING);
        Thread.sleep(3 * StdinGuard.QUIET_MILLIS);
        assertEquals(1, ended.getCount(), "EOF must wait for the reply to request 1, however long it takes");
        activity.sending(1);
        Thread.sleep(3 * StdinGuard.QUIET_MILLIS);
        assertEquals(1, ended.getCount(), "EOF must also wait until the queued reply is written");
        activity.written();
        assertTrue(ended.await(5, TimeUnit.SECONDS));
        reader.join(5_000);
        assertFalse(reader.isAlive());
    }

    @Test
    void pingIsAnsweredByTheGuardItself() throws IOException {
        String passed = new String(guard(input("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}\n"))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", passed);
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}\n", written.toString(StandardCharsets.UTF_8));
    }

    /** Bounded wait until {@code thread} parks in {@code state}. */
    private static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(state, thread.getState());
    }

    /** A started thread that reads the guard to its end, as the SDK's stdin reader does. */
    private static Thread drainInBackground(StdinGuard guard) {
        Thread reader = new Thread(() -> {
            try {
                guard.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        reader.start();
        return reader;
    }
}
