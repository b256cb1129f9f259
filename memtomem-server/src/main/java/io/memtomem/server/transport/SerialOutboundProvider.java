package io.memtomem.server.transport;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A transport provider whose session sends through a {@link SerialOutboundTransport}, so concurrent replies and
 * notifications are written one after the other instead of some being dropped by the SDK.
 */
public final class SerialOutboundProvider implements McpServerTransportProvider {
    private final McpServerTransportProvider delegate;
    private final ActivityTracker activity;

    public SerialOutboundProvider(McpServerTransportProvider delegate, ActivityTracker activity) {
        this.delegate = delegate;
        this.activity = activity;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> sessionFactory.create(new SerialOutboundTransport(transport, activity)));
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
