package io.memtomem.core.store;

import io.memtomem.core.store.IdempotencyLedger.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class IdempotencyLedgerTest {
    private static final Instant T0 = Instant.parse("2026-03-30T01:02:03Z");
    private static final Duration CLAIM = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    Database database;
    IdempotencyLedger ledger;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("memtomem.db"));
        ledger = new IdempotencyLedger(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private int rows() {
        return database.read("counting", session -> {
            try (ResultSet row = session.prepare("SELECT count(*) FROM idempotency_ledger").executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        });
    }

    @Test
    void aClaimedKeyIsInProgressForOthersUntilCompletedThenDoneWithItsResult() {
        assertInstanceOf(Claim.Granted.class, ledger.claim("mem_add", "k", T0, CLAIM));
        assertInstanceOf(Claim.InProgress.class, ledger.claim("mem_add", "k", T0.plusSeconds(1), CLAIM));
        ledger.complete("mem_add", "k", "{\"r\":1}", T0.plusSeconds(2));
        assertEquals(new Claim.Done("{\"r\":1}"), ledger.claim("mem_add", "k", T0.plusSeconds(3), CLAIM));
        assertInstanceOf(Claim.Granted.class, ledger.claim("other_tool", "k", T0, CLAIM));
    }

    @Test
    void anAbandonedClaimFreesItselfAfterItsTtl() {
        ledger.claim("mem_add", "k", T0, CLAIM);
        assertInstanceOf(Claim.Granted.class, ledger.claim("mem_add", "k", T0.plus(CLAIM), CLAIM));
    }

    @Test
    void aReleasedClaimCanBeClaimedAgainButACompletedKeyIsNotReleased() {
        ledger.claim("mem_add", "k", T0, CLAIM);
        ledger.release("mem_add", "k");
        assertInstanceOf(Claim.Granted.class, ledger.claim("mem_add", "k", T0, CLAIM));
        ledger.complete("mem_add", "k", "done", T0);
        ledger.release("mem_add", "k");
        assertEquals(new Claim.Done("done"), ledger.claim("mem_add", "k", T0, CLAIM));
    }

    @Test
    void completedRowsExpireAfter24HoursAndArePrunedOnTheNextClaim() {
        ledger.claim("mem_add", "old", T0, CLAIM);
        ledger.complete("mem_add", "old", "done", T0);
        ledger.claim("mem_add", "fresh", T0.plus(Duration.ofHours(23)), CLAIM);
        assertEquals(2, rows());

        Instant dayLater = T0.plus(IdempotencyLedger.RETENTION);
        assertInstanceOf(Claim.Granted.class, ledger.claim("mem_add", "new", dayLater, CLAIM));
        assertEquals(1, rows()); // "old" expired, "fresh"'s claim lapsed; only the new claim is left
        assertInstanceOf(Claim.Granted.class, ledger.claim("mem_add", "old", dayLater, CLAIM));
    }
}
