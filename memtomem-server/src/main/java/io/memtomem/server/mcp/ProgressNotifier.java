package io.memtomem.server.mcp;

import io.memtomem.server.tools.Cancellation;
import io.memtomem.server.tools.ProgressSink;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress as MCP {@code notifications/progress} for a call whose {@code _meta} carried a progress token, at most
 * one every {@value #MIN_INTERVAL_MILLIS} ms except the final one, and none once the call is cancelled. A
 * notification the client cannot take is dropped: progress must never fail the tool.
 */
final class ProgressNotifier implements ProgressSink {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressNotifier.class);
    private static final long MIN_INTERVAL_MILLIS = 100;

    private final McpSyncServerExchange exchange;
    private final Object token;
    private final Cancellation cancellation;
    private long lastSent;
    private boolean sentAny;

    private ProgressNotifier(McpSyncServerExchange exchange, Object token, Cancellation cancellation) {
        this.exchange = exchange;
        this.token = token;
        this.cancellation = cancellation;
    }

    static ProgressSink forRequest(McpSyncServerExchange exchange, McpSchema.CallToolRequest request,
                                   Cancellation cancellation) {
        Object token = request.progressToken();
        return token == null ? ProgressSink.NONE : new ProgressNotifier(exchange, token, cancellation);
    }

    @Override
    public synchronized void report(long done, long total, String message) {
        long now = System.nanoTime();
        boolean last = done >= total;
        if (sentAny && !last && now - lastSent < MIN_INTERVAL_MILLIS * 1_000_000) {
            return;
        }
        try {
            if (cancellation.unlessCancelled(() -> exchange.progressNotification(new McpSchema.ProgressNotification(
                    token, (double) done, (double) total, message)))) {
                sentAny = true;
                lastSent = now;
            }
        } catch (RuntimeException e) {
            LOG.debug("progress notification not delivered: {}", e.getMessage());
        }
    }
}
