package io.memtomem.server.mcp;

import io.memtomem.server.transport.DelegatingProvider;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;

/**
 * A Streamable HTTP transport provider that hands each session it starts to the {@link ClientLog}, which the SDK
 * has no other way to reach outside a request.
 */
final class SessionListeningProvider extends DelegatingProvider<McpStreamableServerTransportProvider>
        implements McpStreamableServerTransportProvider {
    private final ClientLog clients;

    SessionListeningProvider(McpStreamableServerTransportProvider delegate, ClientLog clients) {
        super(delegate);
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
}
