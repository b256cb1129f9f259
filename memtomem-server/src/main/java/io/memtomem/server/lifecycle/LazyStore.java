package io.memtomem.server.lifecycle;

import io.memtomem.core.Memtomem;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.locking.Os;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The store, opened by the first tool call rather than at start, so {@code initialize} is answered without touching
 * SQLite or creating {@code ~/.memtomem}. Thread-safe: concurrent first calls open it once. The file watcher starts
 * right after the open, on its own thread; a watcher that cannot start is logged, not fatal (tools keep working
 * without it).
 */
public final class LazyStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LazyStore.class);

    private final MemtomemConfig config;
    private final Os presenceOs;
    private final Runnable onOpened;
    private final MemtomemException refusal;
    private volatile Memtomem memtomem;
    private ServerPresence presence;
    private boolean closed;

    /** {@code onOpened} runs once the store directory exists (the server starts its log file there). */
    public LazyStore(MemtomemConfig config, Runnable onOpened) {
        this(config, null, onOpened, null);
    }

    /**
     * A store whose server announces itself on {@code os}'s runtime dir (lifecycle barrier, instance registry) while
     * the store is open; {@code null} for in-process tools that are no server.
     */
    public LazyStore(MemtomemConfig config, Os presenceOs, Runnable onOpened) {
        this(config, presenceOs, onOpened, null);
    }

    private LazyStore(MemtomemConfig config, Os presenceOs, Runnable onOpened, MemtomemException refusal) {
        this.config = config;
        this.presenceOs = presenceOs;
        this.onOpened = onOpened;
        this.refusal = refusal;
    }

    /** A store that never opens, for a server whose configuration is broken: every use answers {@code why}. */
    public static LazyStore refusing(MemtomemException why) {
        return new LazyStore(null, null, () -> { }, why);
    }

    /** The store if a tool has opened it; never opens it. */
    public Optional<Memtomem> ifOpen() {
        return Optional.ofNullable(memtomem);
    }

    public Memtomem get() {
        Memtomem open = memtomem;
        return open != null ? open : openOnce();
    }

    private synchronized Memtomem openOnce() {
        if (closed) {
            throw new MemtomemException("the server is shutting down; call again after the MCP host restarts it");
        }
        if (refusal != null) {
            throw refusal;
        }
        if (memtomem == null) {
            long started = System.nanoTime();
            ServerPresence entered = presenceOs == null ? null : ServerPresence.beforeOpen(presenceOs);
            Memtomem opened;
            try {
                opened = Memtomem.open(config);
            } catch (RuntimeException e) {
                if (entered != null) {
                    entered.close();
                }
                throw e;
            }
            if (entered != null) {
                entered.afterOpen(presenceOs, config.storage().sqlitePath());
                presence = entered;
            }
            onOpened.run();
            memtomem = opened;
            LOG.info("store {} opened in {} ms", config.storage().sqlitePath(), (System.nanoTime() - started) / 1_000_000);
            startWatcherInBackground(opened);
        }
        return memtomem;
    }

    /**
     * Registering the memory dirs with the file watcher takes tens of ms on a cold start, which the call that opened
     * the store (often the host's first search) does not wait for. Under this store's lock, so a close cannot come
     * between the check and the start.
     */
    private void startWatcherInBackground(Memtomem opened) {
        Thread thread = new Thread(() -> {
            synchronized (this) {
                if (memtomem != opened) {
                    return; // closed meanwhile
                }
                try {
                    opened.startWatcher();
                } catch (RuntimeException e) {
                    LOG.warn("file watcher not started ({}); run mem_index after editing files by hand",
                            e.getMessage());
                }
            }
        }, "memtomem-watcher-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes the store if it was opened; later calls are refused. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (memtomem != null) {
            memtomem.close();
            memtomem = null;
        }
        if (presence != null) {
            presence.close(); // only after a confirmed close: an uninstall must never delete a store still open
            presence = null;
        }
    }
}
