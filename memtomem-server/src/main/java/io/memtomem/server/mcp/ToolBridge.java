package io.memtomem.server.mcp;

import io.memtomem.server.tools.Cancellation;
import io.memtomem.server.tools.Operation;
import io.memtomem.server.tools.OperationRunner;
import io.memtomem.server.tools.ResultCap;
import io.memtomem.server.tools.ToolCall;
import io.memtomem.server.transport.ActivityTracker;
import io.memtomem.server.transport.CancellableCalls;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.function.Supplier;

/**
 * An {@link Operation} as an SDK tool. The call is counted as activity, so stdin EOF waits for its reply, and runs
 * through {@link OperationRunner}, so it always returns a result and never throws into the transport. A call the
 * client cancelled returns {@code null}, which the SDK turns into an empty result stream: no reply is sent (and over
 * HTTP the call's SSE stream ends without one).
 */
final class ToolBridge {
    private ToolBridge() {
    }

    static McpServerFeatures.SyncToolSpecification specification(Operation operation, ActivityTracker activity,
                                                             CancellableCalls calls, Supplier<ResultCap> cap) {
        McpSchema.Tool tool = McpSchema.Tool.builder(operation.name(), operation.schema().toJsonSchema())
                .description(operation.description())
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    activity.begin();
                    Cancellation cancellation = calls.claim(request.meta());
                    try {
                        if (cancellation.isCancelled()) {
                            return null;
                        }
                        ToolCall channel = new ToolCall(null, ProgressNotifier.forRequest(exchange, request,
                                cancellation), cancellation, ClientLog.forCall(exchange, cancellation));
                        McpSchema.CallToolResult result = OperationRunner.run(operation, request.arguments(), channel,
                                cap).toCallToolResult();
                        return cancellation.isCancelled() ? null : result;
                    } finally {
                        calls.done(request.meta());
                        activity.end();
                    }
                })
                .build();
    }
}
