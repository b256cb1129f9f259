package io.memtomem.server.tools;

import io.memtomem.server.tools.schema.Args;

/**
 * One invocation of an {@link Operation}: its validated arguments, where to report progress, and whether the client
 * has cancelled it.
 */
public record ToolCall(Args args, ProgressSink progress, Cancellation cancellation) {

    /** A call nobody can cancel (tests, in-process callers). */
    public ToolCall(Args args, ProgressSink progress) {
        this(args, progress, new Cancellation());
    }
}
