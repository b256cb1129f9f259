package io.memtomem.server.transport;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SDK's stdio session transport with its sends taken one at a time. Its outbound queue is a unicast sink that
 * refuses a second concurrent emit and retries for only 100 ms before dropping the message ("Failed to enqueue
 * message"), so two handlers replying at once on a busy CPU could lose a reply and leave the client waiting forever.
 * Replies, errors and progress notifications all pass through {@link #sendMessage}, which also tells the
 * {@link ActivityTracker} which requests have their reply.
 */
final class SerialOutboundTransport implements McpServerTransport {
    private final McpServerTransport delegate;
    private final ActivityTracker activity;
    private final ReentrantLock sending = new ReentrantLock();

    SerialOutboundTransport(McpServerTransport delegate, ActivityTracker activity) {
        this.delegate = delegate;
        this.activity = activity;
    }

    /**
     * Subscribes to the SDK's send under the lock. The SDK emits during that subscription once its reader and writer
     * have started, which happens while the server is built, before stdin is read ({@link StdinGuard}); so the emit
     * itself is what the lock serialises. Nothing in it waits for another thread, so holding the lock cannot
     * deadlock with the reader thread (which sends the replies it answers itself through here too).
     */
    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.defer(() -> {
            CompletableFuture<Void> sent;
            sending.lock();
            try {
                activity.sending(message instanceof McpSchema.JSONRPCResponse response ? response.id() : null);
                sent = delegate.sendMessage(message).toFuture();
            } finally {
                sending.unlock();
            }
            return Mono.fromFuture(sent.whenComplete((done, failure) -> {
                if (failure != null) {
                    activity.written(); // dropped: nothing more will be written for it
                }
            }));
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return delegate.unmarshalFrom(data, type);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
