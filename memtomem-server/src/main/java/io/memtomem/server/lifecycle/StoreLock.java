package io.memtomem.server.lifecycle;

import io.memtomem.locking.AcquireResult;
import io.memtomem.locking.Os;
import io.memtomem.locking.PidFileNames;
import io.memtomem.locking.PidLock;
import io.memtomem.locking.RuntimeDirRefusedException;
import io.memtomem.locking.RuntimeDirs;
import io.memtomem.locking.TermHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The store's pid lock for the server's lifetime (locking.md §3.3–4). Held: one shutdown hook runs the
 * platform-ordered cleanup, and on POSIX a TERM handler (installed only now) cleans up and halts with status 0.
 * Contended: one warning, then the server runs without hook or handler and never touches the holder's file, while a
 * daemon thread keeps trying the lock and takes it over once the holder is gone, so the store never goes on being
 * served by a server that nothing (status, uninstall) can see.
 */
public final class StoreLock {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLock.class);
    static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

    private final Os os;
    private final Path pidFile;
    private AcquireResult.Held held;
    private LockOutcome outcome;
    private boolean released;

    private StoreLock(Os os, Path pidFile, AcquireResult.Held held, LockOutcome outcome) {
        this.os = os;
        this.pidFile = pidFile;
        this.held = held;
        this.outcome = outcome;
    }

    /** {@link #acquire} on its own thread; completes exceptionally with what {@code acquire} throws. */
    public static CompletableFuture<StoreLock> acquireInBackground(Os os, Path dbPath) {
        return acquireInBackground(os, CompletableFuture.completedFuture(dbPath));
    }

    /**
     * {@link #acquire} on its own thread, started before the store is known: loading JNA costs ~100 ms on a cold
     * start, so the thread loads it first (through the uid the runtime dir is named by, which has no side effect)
     * while the configuration is read and the MCP server built, then waits for {@code dbPath}. A {@code dbPath} that
     * completes with null (no store to lock: a broken configuration) gives null. Completes exceptionally with what
     * {@code acquire} throws.
     */
    public static CompletableFuture<StoreLock> acquireInBackground(Os os, CompletableFuture<Path> dbPath) {
        CompletableFuture<StoreLock> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                os.effectiveUid();
                Path store = dbPath.join();
                result.complete(store == null ? null : acquire(os, store));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "memtomem-pid-lock");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    public static StoreLock acquire(Os os, Path dbPath) throws RuntimeDirRefusedException, IOException {
        Path pidFile = RuntimeDirs.ensure(os).resolve(PidFileNames.forStore(os, dbPath));
        AcquireResult result = PidLock.acquire(os, pidFile);
        if (result instanceof AcquireResult.Held held) {
            StoreLock lock = new StoreLock(os, pidFile, held, LockOutcome.HELD);
            lock.installCleanup(held);
            return lock;
        }
        AcquireResult.Contended contended = (AcquireResult.Contended) result;
        LOG.warn("Another memtomem-server is already writing to this store (pid file {}, holder pid {}); serving "
                + "anyway, concurrent writes may be slow. This server takes the lock over when that one exits.",
                contended.pidFile(), contended.holderPid() == null ? "unknown" : contended.holderPid());
        StoreLock lock = new StoreLock(os, pidFile, null, LockOutcome.contendedBy(contended.holderPid()));
        lock.retryInBackground();
        return lock;
    }

    /** Whether this server holds the lock or found another holder; {@code mem_status} warns about the latter. */
    public synchronized LockOutcome outcome() {
        return outcome;
    }

    /** Removes the pid file and releases the lock if this server holds it, and stops retrying. Idempotent. */
    public void release() {
        AcquireResult.Held toRelease;
        synchronized (this) {
            released = true;
            toRelease = held;
        }
        if (toRelease != null) {
            toRelease.cleanup();
        }
    }

    /**
     * One attempt to take the lock over; true once held (or once released). Never called on the holder's file while
     * it is held: a contended attempt writes, truncates and deletes nothing (PidLock).
     */
    synchronized boolean retryOnce() {
        if (released || held != null) {
            return true;
        }
        try {
            if (PidLock.acquire(os, pidFile) instanceof AcquireResult.Held taken) {
                held = taken;
                outcome = LockOutcome.HELD;
                installCleanup(taken);
                LOG.info("the other memtomem-server left: this server now holds the store's pid lock ({})", pidFile);
                return true;
            }
        } catch (IOException e) {
            LOG.debug("retrying the store's pid lock failed: {}", e.getMessage());
        }
        return false;
    }

    private void retryInBackground() {
        Thread thread = new Thread(() -> {
            try {
                while (!retryOnce()) {
                    Thread.sleep(RETRY_INTERVAL.toMillis());
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "memtomem-pid-lock-retry");
        thread.setDaemon(true);
        thread.start();
    }

    private void installCleanup(AcquireResult.Held taken) {
        Runtime.getRuntime().addShutdownHook(new Thread(taken::cleanup, "memtomem-pid-cleanup"));
        if (!os.isWindows()) {
            TermHandler.installPosix(os, () -> {
                taken.cleanup();
                Runtime.getRuntime().halt(0);
            });
        }
    }
}
