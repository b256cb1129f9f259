package io.memtomem.server.transport;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialOutboundTransportTest {
    private static final int SENDERS = 3;

    @Test
    void concurrentSendsAllReachASinkThatRefusesOverlappingEmits() throws Exception {
        SdkLikeTransport sdk = new SdkLikeTransport();
        List<Throwable> failures = sendConcurrently(new SerialOutboundTransport(sdk, new ActivityTracker()));
        assertEquals(List.of(), failures);
        assertEquals(SENDERS, sdk.written.size());
    }

    @Test
    void withoutItOverlappingSendsAreDropped() throws Exception {
        SdkLikeTransport sdk = new SdkLikeTransport();
        List<Throwable> failures = sendConcurrently(sdk);
        assertFalse(failures.isEmpty(), "the stand-in no longer reproduces the SDK's refused emits");
        assertTrue(sdk.written.size() < SENDERS);
    }

    /** Sends one notification from each of {@link #SENDERS} threads at once; returns the sends that failed. */
    private static List<Throwable> sendConcurrently(McpServerTransport transport) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
        try {
            CyclicBarrier start = new CyclicBarrier(SENDERS);
            List<Future<Void>> sends = IntStream.range(0, SENDERS).mapToObj(i -> threads.submit(() -> {
                start.await();
                return transport.sendMessage(new McpSchema.JSONRPCNotification("2.0", "notifications/progress", i))
                        .block();
            })).toList();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Void> send : sends) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * What the SDK's stdio session transport does on send: emit, while subscribed, into a unicast sink that refuses a
     * concurrent emit and busy-retries for 100 ms. Here the writer draining it is slow, so an overlap always shows.
     */
    private static final class SdkLikeTransport implements McpServerTransport {
        private final Sinks.Many<McpSchema.JSONRPCMessage> outbound = Sinks.many().unicast().onBackpressureBuffer();
        final List<McpSchema.JSONRPCMessage> written = new CopyOnWriteArrayList<>();

        SdkLikeTransport() {
            outbound.asFlux().subscribe(message -> {
                sleep(Duration.ofMillis(300));
                written.add(message);
            });
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.defer(() -> {
                outbound.emitNext(message, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
                return Mono.empty();
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
