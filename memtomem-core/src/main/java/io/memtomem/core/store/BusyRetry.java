package io.memtomem.core.store;

import io.memtomem.core.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.sqlite.SQLiteException;

/**
 * Retries work that failed because another process holds the database lock. SQLite's own busy timeout already
 * waits 10 s per attempt; this loop keeps trying (with jittered back-off) up to a deadline so callers never see
 * "database is locked" while a peer finishes a long transaction.
 */
final class BusyRetry {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Duration deadline;

    BusyRetry(Duration deadline) {
        this.deadline = deadline;
    }

    interface Attempt<T> {
        T run() throws SQLException;
    }

    <T> T run(String what, Attempt<T> attempt) throws SQLException {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        long backoffMillis = 5;
        while (true) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!isBusy(e)) {
                    throw e;
                }
                if (System.nanoTime() > giveUpAt) {
                    throw new StoreException("the memtomem database stayed busy for " + deadline.toSeconds()
                            + " s while " + what + "; another process is holding a long write. Retry later.", e);
                }
                sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis + 1));
                backoffMillis = Math.min(backoffMillis * 2, 250);
            }
        }
    }

    static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            int primary = sqlite.getResultCode().code & 0xFF;
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
        }
        int primary = e.getErrorCode() & 0xFF;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the memtomem database", e);
        }
    }
}
