package io.memtomem.server.tools;

/** Where a long-running tool reports how far it got; MCP progress notifications in the server. */
@FunctionalInterface
public interface ProgressSink {
    ProgressSink NONE = (done, total, message) -> { };

    void report(long done, long total, String message);
}
