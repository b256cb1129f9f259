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
import java.util.concurrent.CompletableFuture;

/**
 * The store's pid lock for the server's lifetime (locking.md §3.3–4). Held: one shutdown hook runs the
 * platform-ordered cleanup, and on POSIX a TERM handler (installed only now) cleans up and halts with status 0.
 * Contended: one warning, then the server runs without hook or handler and never touches the holder's file.
 */
public final class StoreLock {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLock.class);

    private final AcquireResult.Held held;
    private final LockOutcome outcome;

    private StoreLock(AcquireResult.Held held, LockOutcome outcome) {
        this.held = held;
        this.outcome = outcome;
    }

    /**
     * {@link #acquire} on its own thread: loading JNA costs ~100 ms on a cold start, which then overlaps with building
     * the MCP server. Completes exceptionally with what {@code acquire} throws.
     */
    public static CompletableFuture<StoreLock> acquireInBackground(Os os, Path dbPath) {
        CompletableFuture<StoreLock> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(acquire(os, dbPath));
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
            Runtime.getRuntime().addShutdownHook(new Thread(held::cleanup, "memtomem-pid-cleanup"));
            if (!os.isWindows()) {
                TermHandler.installPosix(os, () -> {
                    held.cleanup();
                    Runtime.getRuntime().halt(0);
                });
            }
            return new StoreLock(held, LockOutcome.HELD);
        }
        AcquireResult.Contended contended = (AcquireResult.Contended) result;
        LOG.warn("Another memtomem-server is already writing to this store (pid file {}, holder pid {}); serving "
                + "anyway, concurrent writes may be slow.", contended.pidFile(),
                contended.holderPid() == null ? "unknown" : contended.holderPid());
        return new StoreLock(null, LockOutcome.contendedBy(contended.holderPid()));
    }

    /** Whether this server holds the lock or found another holder; {@code mem_status} warns about the latter. */
    public LockOutcome outcome() {
        return outcome;
    }

    /** Removes the pid file and releases the lock if this server holds it. Idempotent. */
    public void release() {
        if (held != null) {
            held.cleanup();
        }
    }
}
