package io.memtomem.server.mcp;

import io.memtomem.server.tools.Operation;
import io.memtomem.server.tools.OperationRunner;
import io.memtomem.server.tools.ResultCap;
import io.memtomem.server.transport.ActivityTracker;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.function.Supplier;

/**
 * An {@link Operation} as an SDK tool. The call is counted as activity, so stdin EOF waits for its reply, and runs
 * through {@link OperationRunner}, so it always returns a result and never throws into the transport.
 */
final class ToolBridge {
    private ToolBridge() {
    }

    static McpServerFeatures.SyncToolSpecification specification(Operation operation, ActivityTracker activity,
                                                             Supplier<ResultCap> cap) {
        McpSchema.Tool tool = McpSchema.Tool.builder(operation.name(), operation.schema().toJsonSchema())
                .description(operation.description())
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    activity.begin();
                    try {
                        return OperationRunner.run(operation, request.arguments(),
                                ProgressNotifier.forRequest(exchange, request), cap).toCallToolResult();
                    } finally {
                        activity.end();
                    }
                })
                .build();
    }
}
