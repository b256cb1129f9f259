package io.memtomem.server.tools;

import io.modelcontextprotocol.spec.McpSchema;

/** The single text a tool returns, flagged when it reports a failure. */
public record ToolResult(String text, boolean error) {

    public static ToolResult ok(String text) {
        return new ToolResult(text, false);
    }

    public static ToolResult error(String text) {
        return new ToolResult(text, true);
    }

    public McpSchema.CallToolResult toCallToolResult() {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(error).build();
    }
}
