package io.memtomem.server.mcp;

import io.memtomem.core.Memtomem;
import io.memtomem.core.embed.EmbeddingState;
import io.memtomem.core.index.WatcherReport;
import io.memtomem.server.lifecycle.LazyStore;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * What happens to the store between tool calls, as MCP log messages: the file watcher falling behind and
 * rescanning, chunks waiting for vectors (and when they have them all again), the embedding provider failing, a
 * store whose vectors belong to another model. Looked at every {@value #PERIOD_SECONDS} s once a tool has opened
 * the store (never opening it), and said once per change.
 */
final class StoreEvents {
    static final long PERIOD_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(StoreEvents.class);

    /** The parts of the store's state that are reported, at one moment. */
    record Snapshot(int watcherOverflows, int filesRescanned, long vectorsPending, String embeddingFailure,
                    boolean modelMismatch) {
        static Snapshot of(Memtomem store) {
            WatcherReport watcher = store.watcherReport().orElse(null);
            EmbeddingState embedding = store.embeddingState();
            return new Snapshot(watcher == null ? 0 : watcher.overflows(), watcher == null ? 0 : watcher.filesRescanned(),
                    embedding.vectorsPending(), store.embeddingFailure().orElse(null), embedding.mismatch());
        }
    }

    private final BiConsumer<LoggingLevel, String> log;
    private Snapshot last = new Snapshot(0, 0, 0, null, false);

    StoreEvents(BiConsumer<LoggingLevel, String> log) {
        this.log = log;
    }

    /** Looks at {@code store} on a daemon thread from now on. */
    static void watch(LazyStore store, ClientLog clients) {
        StoreEvents events = new StoreEvents(clients::log);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "memtomem-store-events");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> store.ifOpen().ifPresent(open -> {
            try {
                events.observe(Snapshot.of(open));
            } catch (RuntimeException e) {
                LOG.debug("store state not read: {}", e.getMessage()); // closing, or busy: next time
            }
        }), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** Logs what changed since the last snapshot. */
    synchronized void observe(Snapshot now) {
        if (now.watcherOverflows() > last.watcherOverflows()) {
            log.accept(LoggingLevel.WARNING, "the file watcher fell behind (" + now.watcherOverflows()
                    + " time(s) so far) and rescans the memory dir instead of following each change");
        }
        if (now.filesRescanned() > last.filesRescanned()) {
            log.accept(LoggingLevel.INFO, "the file watcher's rescan indexed " + (now.filesRescanned()
                    - last.filesRescanned()) + " file(s)");
        }
        if (now.vectorsPending() > 0 && last.vectorsPending() == 0) {
            log.accept(LoggingLevel.NOTICE, now.vectorsPending() + " chunk(s) wait for vectors: until they have them, "
                    + "search finds them by keywords (BM25) only");
        } else if (now.vectorsPending() == 0 && last.vectorsPending() > 0) {
            log.accept(LoggingLevel.INFO, "every chunk has its vector again");
        }
        if (now.embeddingFailure() != null && !Objects.equals(now.embeddingFailure(), last.embeddingFailure())) {
            log.accept(LoggingLevel.ERROR, "embedding failed: " + now.embeddingFailure() + "; chunks stay pending, "
                    + "keyword search is unaffected");
        }
        if (now.modelMismatch() && !last.modelMismatch()) {
            log.accept(LoggingLevel.WARNING, "the store's vectors were made by another embedding model: semantic "
                    + "search is off and writes are refused until mm embedding-reset");
        }
        last = now;
    }
}
