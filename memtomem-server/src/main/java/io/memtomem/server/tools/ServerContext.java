package io.memtomem.server.tools;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.Memtomem;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.Os;
import io.memtomem.server.lifecycle.LazyStore;
import io.memtomem.server.lifecycle.LockOutcome;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every tool family shares: the startup configuration, the store (opened by the first tool that needs it), the
 * platform (for the pid-file probe in {@code mem_status}), the tool mode, and how the store's pid lock stands now. The
 * lock is decided on its own thread while the server starts, always before the first request is read, and a contended
 * server may take it over later.
 *
 * @param configProblem why the configuration (config.json, a {@code MEMTOMEM_*} variable) could not be used, or
 *                      {@code null}; with a problem the server still serves, and every tool answers it
 *                      ({@link ConfigProblemTools}) while {@code config} holds the defaults for the tool schemas
 */
public record ServerContext(MemtomemConfig config, LazyStore lazyStore, Os os, ToolMode mode,
                            Supplier<LockOutcome> lockOutcome, MemtomemException configProblem) {

    public ServerContext(MemtomemConfig config, LazyStore lazyStore, Os os, ToolMode mode,
                         Supplier<LockOutcome> lockOutcome) {
        this(config, lazyStore, os, mode, lockOutcome, null);
    }

    /** The open store; the first call opens it and starts the file watcher. */
    public Memtomem store() {
        return lazyStore.get();
    }

    /** The most one tool reply may carry ({@link ResultCap#ENV}). */
    public ResultCap resultCap() {
        return ResultCap.fromEnvironment(config.environment().env());
    }

    /** A path argument: {@code ~} is the user's home, a relative path is relative to the server's working dir. */
    public Path resolvePath(String raw) {
        try {
            if (raw.equals("~") || raw.startsWith("~/") || raw.startsWith("~\\")) {
                return config.environment().userHome().resolve(raw.substring(Math.min(2, raw.length()))).normalize();
            }
            return config.environment().cwd().resolve(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("path", "path is not a valid path (" + e.getReason() + "): " + raw);
        }
    }
}
