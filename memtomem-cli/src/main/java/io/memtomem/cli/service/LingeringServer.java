package io.memtomem.cli.service;

import io.memtomem.core.remote.HttpEndpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP server still serving the store after its service was stopped. {@code schtasks /End} ends the task's
 * {@code cmd.exe} but not the Java process the launcher started under it, and a stop without a reachable service
 * manager stops nothing: in both cases the user is told which process to end.
 */
final class LingeringServer {
    private static final Duration GRACE = Duration.ofSeconds(3);

    private LingeringServer() {
    }

    /** The store's live HTTP server, if one is still there once a stopping server has had a moment to exit. */
    static Optional<HttpEndpoint> after(Path storeDir) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        Optional<HttpEndpoint> running = HttpEndpoint.running(storeDir);
        while (running.isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            running = HttpEndpoint.running(storeDir);
        }
        return running;
    }

    static String message(HttpEndpoint endpoint, boolean windows) {
        return "an HTTP server still serves this store at " + endpoint.url() + " (pid " + endpoint.pid()
                + "); if the service started it, end it: " + (windows ? "taskkill /PID " : "kill ") + endpoint.pid();
    }
}
