package io.memtomem.core.embed;

import io.memtomem.core.embed.VectorTable.PendingChunk;
import io.memtomem.core.embed.provider.EmbeddingException;
import io.memtomem.core.embed.provider.EmbeddingProvider;
import io.memtomem.core.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Embeds pending chunks off the indexing path: indexing commits BM25 rows and calls {@link #wake()}, and one
 * daemon thread works through every chunk without a vector in batches. A provider failure (server down, 429 after
 * retries) leaves the rest pending and tries again after {@link #RETRY_AFTER_FAILURE}; BM25 is never held up.
 *
 * <p>A foreground drain ({@code mm index}, {@code mm add}) and a background pass never run at once: the pass steps
 * aside while the foreground works, so no chunk is embedded twice and closing after a drain interrupts nothing.
 */
final class BackgroundEmbedder implements AutoCloseable {

    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(60);
    /** Also picks up chunks the file watcher or another process indexed, which never call {@link #wake()} here. */
    static final Duration POLL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundEmbedder.class);

    private final Database database;
    private final EmbeddingProvider provider;
    private final int batchSize;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ReentrantLock draining = new ReentrantLock();
    private volatile String lastFailure;

    BackgroundEmbedder(Database database, EmbeddingProvider provider, int batchSize) {
        this.database = database;
        this.provider = provider;
        this.batchSize = batchSize;
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "memtomem-embedder");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(this::wake, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass over pending chunks; calls while one is already queued are merged into it. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::pass);
        }
    }

    /**
     * Embeds everything pending on the caller's thread, reporting progress against the count pending at the start;
     * throws the provider's error if a batch fails (the batches before it are stored). Waits for a background batch
     * in flight to finish first.
     */
    void drainNow(EmbedProgressListener listener) {
        draining.lock();
        try {
            drain(listener);
        } finally {
            draining.unlock();
        }
    }

    private void drain(EmbedProgressListener listener) {
        long total = database.read("counting chunks to embed", VectorTable::pendingCount);
        long done = 0;
        long after = 0;
        while (true) {
            long cursor = after;
            List<PendingChunk> batch = database.read("finding chunks to embed",
                    session -> VectorTable.pending(session, cursor, batchSize));
            if (batch.isEmpty()) {
                lastFailure = null;
                return;
            }
            embedAndStore(batch);
            done += batch.size();
            // chunks indexed meanwhile by another process may push the count past the starting total
            listener.onProgress(done, Math.max(total, done));
            after = batch.get(batch.size() - 1).rowid();
        }
    }

    /** The last provider error while chunks stay pending, or null after a clean pass. */
    String lastFailure() {
        return lastFailure;
    }

    private void pass() {
        queued.set(false);
        if (!draining.tryLock()) {
            return; // a foreground drain is doing this work right now
        }
        try {
            drain(EmbedProgressListener.NONE);
        } catch (EmbeddingException e) {
            if (worker.isShutdown()) {
                return; // interrupted by close(): what was stored stays stored, the rest stays pending
            }
            lastFailure = e.getMessage();
            LOG.warn("{}; chunks stay pending (BM25 unaffected), retrying in {} s", e.getMessage(),
                    RETRY_AFTER_FAILURE.toSeconds());
            worker.schedule(this::wake, RETRY_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                return;
            }
            lastFailure = e.getMessage();
            LOG.warn("background embedding stopped: {}", e.toString());
        } finally {
            draining.unlock();
        }
    }

    private void embedAndStore(List<PendingChunk> batch) {
        List<String> texts = new ArrayList<>();
        Map<Long, String> embeddedText = new HashMap<>();
        for (PendingChunk chunk : batch) {
            texts.addAll(chunk.windows());
            embeddedText.put(chunk.rowid(), chunk.text());
        }
        List<float[]> vectors = provider.embed(texts);
        Map<Long, float[]> byRowid = new HashMap<>();
        int next = 0;
        for (PendingChunk chunk : batch) {
            byRowid.put(chunk.rowid(), concat(vectors.subList(next, next + chunk.windows().size())));
            next += chunk.windows().size();
        }
        database.write("storing vectors", session -> VectorTable.write(session, embeddedText, byRowid));
    }

    /** One window's vector as is; several, one after the other (the layout the dense index reads back). */
    private static float[] concat(List<float[]> windows) {
        if (windows.size() == 1) {
            return windows.get(0);
        }
        int width = windows.get(0).length;
        float[] all = new float[width * windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(windows.get(i), 0, all, i * width, width);
        }
        return all;
    }

    /** Stops the worker and waits briefly for an in-flight batch, so a reset never races a stale write. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
