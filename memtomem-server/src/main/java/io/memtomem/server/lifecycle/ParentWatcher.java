package io.memtomem.server.lifecycle;

import io.memtomem.server.transport.ActivityTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Stops the server when the MCP host that spawned it is gone even though stdin stays open (e.g. a grandchild holds
 * the pipe), so no orphan keeps the store locked. Polls every {@value #POLL_MILLIS} ms: the original parent is dead,
 * or this process was re-parented (to init or a subreaper on POSIX).
 */
public final class ParentWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ParentWatcher.class);
    private static final long POLL_MILLIS = 500;

    private ParentWatcher() {
    }

    /** Starts a daemon watcher; does nothing when the parent is not visible to begin with. */
    public static void start(ActivityTracker activity, ShutdownSignal shutdown) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            LOG.debug("parent process not visible; parent watch disabled");
            return;
        }
        ProcessHandle original = parent.get();
        Thread watcher = new Thread(() -> watch(original, activity, shutdown), "memtomem-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(ProcessHandle original, ActivityTracker activity, ShutdownSignal shutdown) {
        try {
            while (!shutdown.fired()) {
                Thread.sleep(POLL_MILLIS);
                if (gone(original)) {
                    LOG.info("parent process {} is gone; shutting down", original.pid());
                    activity.awaitQuiet(Duration.ofMillis(100), Duration.ofSeconds(10));
                    shutdown.fire("parent process " + original.pid() + " exited");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean gone(ProcessHandle original) {
        Optional<ProcessHandle> now = ProcessHandle.current().parent();
        return !original.isAlive() || now.isEmpty() || now.get().pid() != original.pid();
    }
}
