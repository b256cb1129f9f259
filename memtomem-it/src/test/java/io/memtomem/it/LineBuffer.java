package io.memtomem.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lines a child wrote to one of its streams, kept for assertions. {@link #drain} reads the stream on a daemon
 * thread so a full pipe never blocks the child; daemon, and joined only with a bound, because on Windows a killed
 * child's stream may never reach EOF (locking.md §10.9).
 */
final class LineBuffer {
    private final List<String> lines = new ArrayList<>();
    private Thread drainer;

    static LineBuffer drain(InputStream stream, String name) {
        return drain(stream, name, line -> { });
    }

    /** Like {@link #drain(InputStream, String)}, and hands each line to {@code listener} as it arrives. */
    static LineBuffer drain(InputStream stream, String name, Consumer<String> listener) {
        LineBuffer buffer = new LineBuffer();
        buffer.drainer = new Thread(() -> buffer.readAll(stream, listener), name);
        buffer.drainer.setDaemon(true);
        buffer.drainer.start();
        return buffer;
    }

    private void readAll(InputStream stream, Consumer<String> listener) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                add(line);
                listener.accept(line);
            }
        } catch (IOException streamClosed) {
            // the process went away mid-line: what was read so far stays available
        }
    }

    synchronized void add(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    String text() {
        return String.join("\n", lines());
    }

    /** Waits (bounded) until the drained stream reached EOF, so {@link #text()} is complete after a process exit. */
    LineBuffer awaitEnd(Duration timeout) {
        if (drainer != null) {
            try {
                drainer.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return this;
    }
}
