package io.memtomem.server.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A Streamable HTTP transport provider that hands each session it starts to the {@link ClientLog}, which the SDK
 * has no other way to reach outside a request.
 */
final class SessionListeningProvider implements McpStreamableServerTransportProvider {
    private final McpStreamableServerTransportProvider delegate;
    private final ClientLog clients;

    SessionListeningProvider(McpStreamableServerTransportProvider delegate, ClientLog clients) {
        this.delegate = delegate;
        this.clients = clients;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        delegate.setSessionFactory(request -> {
            var started = factory.startSession(request);
            clients.add(started.session());
            return started;
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
