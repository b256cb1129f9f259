package io.memtomem.cli;

import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * How a run reads the configuration. By default when a command asks; for a command that reads it before changing
 * anything, read ahead on the preload thread while picocli builds (~10 ms off a cold start) and handed to the first
 * ask, which is also where its warnings and errors surface. Later asks read the file again, so a command that writes
 * the configuration never sees a copy from before its own write.
 */
public final class ConfigLoad {
    private final Environment environment;
    private FutureTask<MemtomemConfig> ahead;

    ConfigLoad(Environment environment) {
        this.environment = environment;
    }

    /** The read-ahead for the preload thread to run; made here, on the calling thread, so no ask can miss it. */
    synchronized Runnable readAhead() {
        ahead = new FutureTask<>(() -> MemtomemConfig.load(environment));
        return ahead;
    }

    /** Drops a read-ahead no command took, so a later run with this context never gets a stale copy. */
    synchronized void forget() {
        ahead = null;
    }

    MemtomemConfig load() {
        FutureTask<MemtomemConfig> task;
        synchronized (this) {
            task = ahead;
            ahead = null;
        }
        if (task == null) {
            return MemtomemConfig.load(environment);
        }
        task.run(); // reads it here unless the preload thread has started: then waits for that read
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MemtomemConfig.load(environment);
        }
    }
}
