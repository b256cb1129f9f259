package io.memtomem.server.mcp;

import io.memtomem.server.tools.CallLog;
import io.memtomem.server.tools.Cancellation;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * MCP log messages ({@code notifications/message}) for every connected client, each at or above the level it set
 * with {@code logging/setLevel} (the SDK keeps that level on the session; {@code info} until a client sets one).
 * What is logged here is the server's own doing - counts, states, the store's error texts - never a request's
 * arguments or a result's text. Sessions are held weakly: one the transport forgot (ended, swept) drops out.
 */
public final class ClientLog {
    static final String LOGGER = "memtomem";
    private static final Logger LOG = LoggerFactory.getLogger(ClientLog.class);

    private final Set<McpLoggableSession> sessions = Collections.newSetFromMap(new WeakHashMap<>());

    /** A session the transport just started (stdio: the one; HTTP: one per {@code Mcp-Session-Id}). */
    synchronized void add(McpLoggableSession session) {
        sessions.add(session);
    }

    private synchronized List<McpLoggableSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Sends {@code message} to each client whose level lets it through; a client that cannot take it misses it. */
    public void log(McpSchema.LoggingLevel level, String message) {
        McpSchema.LoggingMessageNotification notification = notification(level, message);
        for (McpLoggableSession session : sessions()) {
            if (session.isNotificationForLevelAllowed(level)) {
                session.sendNotification(McpSchema.METHOD_NOTIFICATION_MESSAGE, notification)
                        .subscribe(null, failure -> LOG.debug("log message not delivered: {}", failure.getMessage()));
            }
        }
    }

    /**
     * The log of one tool call: on the call's exchange, so over HTTP it travels on the call's own stream (which the
     * client reads, unlike the optional GET stream), and not at all once the call is cancelled.
     */
    static CallLog forCall(McpSyncServerExchange exchange, Cancellation cancellation) {
        return (level, message) -> {
            try {
                cancellation.unlessCancelled(() -> exchange.loggingNotification(notification(level, message)));
            } catch (RuntimeException failure) {
                LOG.debug("log message not delivered: {}", failure.getMessage());
            }
        };
    }

    private static McpSchema.LoggingMessageNotification notification(McpSchema.LoggingLevel level, String message) {
        return McpSchema.LoggingMessageNotification.builder(level, message).logger(LOGGER).build();
    }
}
