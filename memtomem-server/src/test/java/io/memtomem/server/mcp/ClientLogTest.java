package io.memtomem.server.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientLogTest {
    /** A session with the SDK's level rule: messages at or above the level its client set. */
    private static final class Session implements McpLoggableSession {
        final List<McpSchema.LoggingMessageNotification> received = new ArrayList<>();
        McpSchema.LoggingLevel level = McpSchema.LoggingLevel.INFO;

        @Override
        public void setMinLoggingLevel(McpSchema.LoggingLevel minLoggingLevel) {
            level = minLoggingLevel;
        }

        @Override
        public boolean isNotificationForLevelAllowed(McpSchema.LoggingLevel loggingLevel) {
            return loggingLevel.level() >= level.level();
        }

        @Override
        public <T> Mono<T> sendRequest(String method, Object params, TypeRef<T> type) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> sendNotification(String method, Object params) {
            return Mono.fromRunnable(() -> {
                assertEquals(McpSchema.METHOD_NOTIFICATION_MESSAGE, method);
                received.add((McpSchema.LoggingMessageNotification) params);
            });
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachClientGetsWhatIsAtOrAboveItsOwnLevel() {
        ClientLog log = new ClientLog();
        Session chatty = new Session();
        Session quiet = new Session();
        quiet.setMinLoggingLevel(McpSchema.LoggingLevel.ERROR);
        log.add(chatty);
        log.add(quiet);
        log.log(McpSchema.LoggingLevel.NOTICE, "12 chunk(s) wait for vectors");
        log.log(McpSchema.LoggingLevel.ERROR, "embedding failed");
        log.log(McpSchema.LoggingLevel.DEBUG, "below everyone's level");
        assertEquals(List.of("12 chunk(s) wait for vectors", "embedding failed"),
                chatty.received.stream().map(McpSchema.LoggingMessageNotification::data).toList());
        assertEquals(List.of("embedding failed"),
                quiet.received.stream().map(McpSchema.LoggingMessageNotification::data).toList());
        assertEquals("memtomem", quiet.received.get(0).logger());
    }
}
