package io.memtomem.server.mcp;

import io.memtomem.server.tools.ProgressSink;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress as MCP {@code notifications/progress} for a call whose {@code _meta} carried a progress token, at most
 * one every {@value #MIN_INTERVAL_MILLIS} ms except the final one. A notification the client cannot take is dropped:
 * progress must never fail the tool.
 */
final class ProgressNotifier implements ProgressSink {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressNotifier.class);
    private static final long MIN_INTERVAL_MILLIS = 100;

    private final McpSyncServerExchange exchange;
    private final Object token;
    private long lastSent;
    private boolean sentAny;

    private ProgressNotifier(McpSyncServerExchange exchange, Object token) {
        this.exchange = exchange;
        this.token = token;
    }

    static ProgressSink forRequest(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.progressToken();
        return token == null ? ProgressSink.NONE : new ProgressNotifier(exchange, token);
    }

    @Override
    public synchronized void report(long done, long total, String message) {
        long now = System.nanoTime();
        boolean last = done >= total;
        if (sentAny && !last && now - lastSent < MIN_INTERVAL_MILLIS * 1_000_000) {
            return;
        }
        sentAny = true;
        lastSent = now;
        try {
            exchange.progressNotification(new McpSchema.ProgressNotification(token, (double) done, (double) total,
                    message));
        } catch (RuntimeException e) {
            LOG.debug("progress notification not delivered: {}", e.getMessage());
        }
    }
}
