package io.memtomem.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code idempotency_ledger} table: who has claimed or completed a write under an idempotency key. Every call is
 * one {@code BEGIN IMMEDIATE} transaction, so of two processes claiming one key at once exactly one gets it. A claim
 * is a row with a null result that expires soon, so a claim left by a crashed process frees itself; a completed row
 * holds the result and lives for {@link #RETENTION}. Expired rows count as absent and are pruned on each claim.
 */
public final class IdempotencyLedger {
    public static final Duration RETENTION = Duration.ofHours(24);

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** The caller now owns the key and must {@link #complete} or {@link #release} it. */
        record Granted() implements Claim {}

        /** Another call holds the key and has not finished yet. */
        record InProgress() implements Claim {}

        /** The key was used already: its stored result. */
        record Done(String result) implements Claim {}
    }

    private final Database database;

    public IdempotencyLedger(Database database) {
        this.database = database;
    }

    /** @param claimTtl how long the claim protects the key if the caller never completes or releases it */
    public Claim claim(String tool, String key, Instant now, Duration claimTtl) {
        double nowSeconds = seconds(now);
        return database.write("claiming idempotency key", session -> {
            PreparedStatement prune = session.prepare("DELETE FROM idempotency_ledger WHERE expires_at <= ?");
            prune.setDouble(1, nowSeconds);
            prune.executeUpdate();
            PreparedStatement find = session.prepare(
                    "SELECT result FROM idempotency_ledger WHERE tool = ? AND key = ?");
            find.setString(1, tool);
            find.setString(2, key);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    String result = row.getString(1);
                    return result == null ? new Claim.InProgress() : new Claim.Done(result);
                }
            }
            PreparedStatement insert = session.prepare(
                    "INSERT INTO idempotency_ledger(tool, key, result, expires_at) VALUES (?, ?, NULL, ?)");
            insert.setString(1, tool);
            insert.setString(2, key);
            insert.setDouble(3, seconds(now.plus(claimTtl)));
            insert.executeUpdate();
            return new Claim.Granted();
        });
    }

    /** Records the result of the claimed write; replays see it until {@link #RETENTION} has passed. */
    public void complete(String tool, String key, String result, Instant now) {
        database.write("recording idempotency key", session -> {
            PreparedStatement update = session.prepare(
                    "UPDATE idempotency_ledger SET result = ?, expires_at = ? WHERE tool = ? AND key = ?");
            update.setString(1, result);
            update.setDouble(2, seconds(now.plus(RETENTION)));
            update.setString(3, tool);
            update.setString(4, key);
            update.executeUpdate();
            return null;
        });
    }

    /** Drops an unfinished claim after a failed write, so a retry may run it again. */
    public void release(String tool, String key) {
        database.write("releasing idempotency key", session -> {
            PreparedStatement delete = session.prepare(
                    "DELETE FROM idempotency_ledger WHERE tool = ? AND key = ? AND result IS NULL");
            delete.setString(1, tool);
            delete.setString(2, key);
            delete.executeUpdate();
            return null;
        });
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
