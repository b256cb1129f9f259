package io.memtomem.server.tools;

import io.memtomem.server.tools.schema.Args;

/** One invocation of an {@link Operation}: its validated arguments and where to report progress. */
public record ToolCall(Args args, ProgressSink progress) {
}
