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

/**
 * Embeds pending chunks off the indexing path: indexing commits BM25 rows and calls {@link #wake()}, and one
 * daemon thread works through every chunk without a vector in batches. A provider failure (server down, 429 after
 * retries) leaves the rest pending and tries again after {@link #RETRY_AFTER_FAILURE}; BM25 is never held up.
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

    /** Embeds everything pending on the caller's thread; throws the provider's error if a batch fails. */
    void drainNow() {
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
            after = batch.get(batch.size() - 1).rowid();
        }
    }

    /** The last provider error while chunks stay pending, or null after a clean pass. */
    String lastFailure() {
        return lastFailure;
    }

    private void pass() {
        queued.set(false);
        try {
            drainNow();
        } catch (EmbeddingException e) {
            lastFailure = e.getMessage();
            LOG.warn("{}; chunks stay pending (BM25 unaffected), retrying in {} s", e.getMessage(),
                    RETRY_AFTER_FAILURE.toSeconds());
            worker.schedule(this::wake, RETRY_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            LOG.warn("background embedding stopped: {}", e.toString());
        }
    }

    private void embedAndStore(List<PendingChunk> batch) {
        List<String> texts = new ArrayList<>(batch.size());
        Map<Long, String> embeddedText = new HashMap<>();
        for (PendingChunk chunk : batch) {
            texts.add(chunk.text());
            embeddedText.put(chunk.rowid(), chunk.text());
        }
        List<float[]> vectors = provider.embed(texts);
        Map<Long, float[]> byRowid = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byRowid.put(batch.get(i).rowid(), vectors.get(i));
        }
        database.write("storing vectors", session -> VectorTable.write(session, embeddedText, byRowid));
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
