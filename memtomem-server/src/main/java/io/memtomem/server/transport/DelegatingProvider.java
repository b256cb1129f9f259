package io.memtomem.server.transport;

import io.modelcontextprotocol.spec.McpServerTransportProviderBase;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A transport provider that passes everything but its session factory on to the SDK's own: the base of the
 * providers that wrap the sessions the SDK starts (stdio or Streamable HTTP).
 */
public abstract class DelegatingProvider<P extends McpServerTransportProviderBase>
        implements McpServerTransportProviderBase {
    protected final P delegate;

    protected DelegatingProvider(P delegate) {
        this.delegate = delegate;
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
