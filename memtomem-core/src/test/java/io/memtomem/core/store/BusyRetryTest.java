package io.memtomem.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class BusyRetryTest {
    private static SQLiteException busy() {
        return new SQLiteException("[SQLITE_BUSY] database is locked", SQLiteErrorCode.SQLITE_BUSY);
    }

    @Test
    void busyAttemptsAreRetriedUntilTheySucceed() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        String result = new BusyRetry(Duration.ofSeconds(5)).run("testing", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw busy();
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void aLockHeldPastTheDeadlineBecomesAClearStoreErrorNotDatabaseIsLocked() {
        StoreException error = assertThrows(StoreException.class,
                () -> new BusyRetry(Duration.ofMillis(50)).run("indexing x", () -> {
                    throw busy();
                }));
        assertTrue(error.getMessage().contains("stayed busy"), error.getMessage());
        assertTrue(error.getMessage().contains("indexing x"), error.getMessage());
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(SQLException.class, () -> new BusyRetry(Duration.ofSeconds(5)).run("testing", () -> {
            attempts.incrementAndGet();
            throw new SQLiteException("[SQLITE_ERROR] no such table", SQLiteErrorCode.SQLITE_ERROR);
        }));
        assertEquals(1, attempts.get());
    }
}
