package io.memtomem.server.tools;

import io.memtomem.server.tools.schema.Args;

/**
 * One invocation of an {@link Operation}: its validated arguments, where to report progress, whether the client has
 * cancelled it, and where to log for the client.
 */
public record ToolCall(Args args, ProgressSink progress, Cancellation cancellation, CallLog log) {

    /** A call nobody can cancel or hear logging (tests, in-process callers). */
    public ToolCall(Args args, ProgressSink progress) {
        this(args, progress, new Cancellation(), CallLog.NONE);
    }

    /** The same call with other arguments ({@code mem_do} passing its {@code params} on to an action). */
    public ToolCall withArgs(Args newArgs) {
        return new ToolCall(newArgs, progress, cancellation, log);
    }
}
