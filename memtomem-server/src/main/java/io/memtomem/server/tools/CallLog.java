package io.memtomem.server.tools;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * Where a tool tells the client what it is doing (MCP {@code notifications/message} on the call's own stream, at or
 * above the client's level, nothing once the call is cancelled). Counts and states only: never the call's arguments
 * or the text of its result.
 */
@FunctionalInterface
public interface CallLog {
    CallLog NONE = (level, message) -> { };

    void log(McpSchema.LoggingLevel level, String message);
}
