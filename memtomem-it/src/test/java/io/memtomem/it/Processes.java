package io.memtomem.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Every process a test starts, so that all of them, with their whole trees, die when the test ends, also when it
 * fails. Besides the processes started here it also kills every other descendant of this JVM (servers spawned by the
 * MCP SDK client) and processes adopted explicitly (a server whose parent was killed is no longer our descendant).
 */
final class Processes {
    private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

    private final List<ProcessHandle> tracked = new CopyOnWriteArrayList<>();

    Process start(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            tracked.add(process.toHandle());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    void adopt(ProcessHandle handle) {
        tracked.add(handle);
    }

    boolean isTracked(ProcessHandle handle) {
        return tracked.contains(handle);
    }

    /** Kills every tracked process and every descendant of this JVM, children before they can be re-parented. */
    void killAll() {
        List<ProcessHandle> victims = new ArrayList<>();
        Stream.concat(tracked.stream(), ProcessHandle.current().children()).filter(ProcessHandle::isAlive)
                .forEach(root -> {
                    victims.add(root);
                    root.descendants().forEach(victims::add);
                });
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            try {
                victim.onExit().get(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                System.err.println("[it] process " + victim.pid() + " did not exit after a forced kill");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        tracked.clear();
    }
}
