package io.memtomem.cli;

import io.memtomem.core.config.Environment;
import io.memtomem.core.config.MemtomemConfig;

/**
 * How a run reads the configuration. By default when a command asks; for a command that reads it before changing
 * anything, read ahead on the preload thread while picocli builds (~10 ms off a cold start) and handed to the first
 * ask, which is also where its warnings and errors surface. Later asks read the file again, so a command that writes
 * the configuration never sees a copy from before its own write.
 */
public final class ConfigLoad {
    /** NONE: nothing ahead; EXPECTED: the preload thread will read; READING, then READ: it reads, then has read. */
    private enum State {
        NONE, EXPECTED, READING, READ
    }

    private final Environment environment;
    private State state = State.NONE;
    private MemtomemConfig config;
    private RuntimeException failure;

    ConfigLoad(Environment environment) {
        this.environment = environment;
    }

    /** Marks a read-ahead to come, on the calling thread before the preload thread starts, so no ask can miss it. */
    synchronized void expectReadAhead() {
        state = State.EXPECTED;
    }

    /** The read-ahead, on the preload thread; a no-op once the first ask read the file itself or the run ended. */
    void readAhead() {
        synchronized (this) {
            if (state != State.EXPECTED) {
                return;
            }
            state = State.READING;
        }
        MemtomemConfig read = null;
        RuntimeException failed = null;
        boolean finished = false;
        try {
            read = MemtomemConfig.load(environment);
            finished = true;
        } catch (RuntimeException e) {
            failed = e;
            finished = true;
        } finally {
            synchronized (this) {
                if (state == State.READING) { // not forgotten meanwhile; after an Error the ask reads for itself
                    config = read;
                    failure = failed;
                    state = finished ? State.READ : State.NONE;
                }
                notifyAll();
            }
        }
    }

    /** Drops a read-ahead no command took, so a later run with this context never gets a stale copy. */
    synchronized void forget() {
        state = State.NONE;
        config = null;
        failure = null;
        notifyAll();
    }

    MemtomemConfig load() {
        synchronized (this) {
            if (state == State.EXPECTED) {
                state = State.NONE; // the preload thread has not started on it: read here
            }
            boolean interrupted = false;
            while (state == State.READING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (state == State.READ) {
                MemtomemConfig read = config;
                RuntimeException failed = failure;
                forget();
                if (failed != null) {
                    throw failed;
                }
                return read;
            }
        }
        return MemtomemConfig.load(environment);
    }
}
