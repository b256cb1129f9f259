package io.memtomem.server.transport;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

import java.util.function.Consumer;

/**
 * A transport provider whose session sends through a {@link SerialOutboundTransport}, so concurrent replies and
 * notifications are written one after the other instead of some being dropped by the SDK.
 */
public final class SerialOutboundProvider extends DelegatingProvider<McpServerTransportProvider>
        implements McpServerTransportProvider {
    private final ActivityTracker activity;
    private final Consumer<? super McpServerSession> onSession;

    /** {@code onSession}: told of the session once it exists (the server's client log sends through it). */
    public SerialOutboundProvider(McpServerTransportProvider delegate, ActivityTracker activity,
                                  Consumer<? super McpServerSession> onSession) {
        super(delegate);
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
}
