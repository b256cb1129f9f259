package io.memtomem.server.transport;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;

/**
 * A transport provider whose session sends through a {@link SerialOutboundTransport}, so concurrent replies and
 * notifications are written one after the other instead of some being dropped by the SDK.
 */
public final class SerialOutboundProvider implements McpServerTransportProvider {
    private final McpServerTransportProvider delegate;
    private final ActivityTracker activity;
    private final Consumer<? super McpServerSession> onSession;

    /** {@code onSession}: told of the session once it exists (the server's client log sends through it). */
    public SerialOutboundProvider(McpServerTransportProvider delegate, ActivityTracker activity,
                                  Consumer<? super McpServerSession> onSession) {
        this.delegate = delegate;
        this.activity = activity;
        this.onSession = onSession;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> {
            McpServerSession session = sessionFactory.create(new SerialOutboundTransport(transport, activity));
            onSession.accept(session);
            return session;
        });
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
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
