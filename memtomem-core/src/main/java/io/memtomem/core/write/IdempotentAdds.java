package io.memtomem.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.memtomem.core.json.Jackson;
import io.memtomem.core.InvalidInputException;
import io.memtomem.core.MemtomemException;
import io.memtomem.core.redact.RedactionGate;
import io.memtomem.core.redact.SecretFinding;
import io.memtomem.core.store.IdempotencyLedger;
import io.memtomem.core.store.IdempotencyLedger.Claim;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code mem_add}'s idempotency key (memory-core.md §1.2): the first successful call with a key records its result
 * in the ledger; a repeat within 24 h returns that result, marked as a replay, and writes nothing. The key is claimed
 * in the database before the write, so two processes sending one key at once produce one entry: the second waits for
 * the first to finish and replays it. A failed write releases the claim, so a retry writes.
 */
public final class IdempotentAdds {
    public static final int MAX_KEY_CHARS = 256;
    static final String TOOL = "mem_add";
    /** Far longer than a write holds a file (its lock times out after 30 s); a crashed writer's claim frees itself. */
    static final Duration CLAIM_TTL = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 50;

    private final IdempotencyLedger ledger;
    private final Clock clock;

    public IdempotentAdds(IdempotencyLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Runs {@code write} once per key; without a key it simply runs it. */
    public AddResult add(String idempotencyKey, Supplier<AddResult> write) {
        String key = validKey(idempotencyKey);
        if (key == null) {
            return write.get();
        }
        long giveUpAt = System.nanoTime() + CLAIM_TTL.toNanos();
        while (true) {
            Claim claim = ledger.claim(TOOL, key, clock.instant(), CLAIM_TTL);
            if (claim instanceof Claim.Done done) {
                return decode(done.result());
            }
            if (claim instanceof Claim.Granted) {
                return writeOnce(key, write);
            }
            if (System.nanoTime() > giveUpAt) {
                throw new MemtomemException("another mem_add with this idempotency_key has been running for "
                        + CLAIM_TTL.toMinutes() + " minutes; retry later");
            }
            pause();
        }
    }

    private AddResult writeOnce(String key, Supplier<AddResult> write) {
        AddResult result;
        try {
            result = write.get();
        } catch (RuntimeException e) {
            ledger.release(TOOL, key);
            throw e;
        }
        Instant now = clock.instant();
        ledger.complete(TOOL, key, encode(result, now), now);
        return result;
    }

    private static String validKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        int length = key.codePointCount(0, key.length());
        if (length > MAX_KEY_CHARS) {
            throw new InvalidInputException("idempotency_key", "idempotency_key is " + length
                    + " characters, over the limit of " + MAX_KEY_CHARS + ": use a shorter key, e.g. a UUID");
        }
        List<SecretFinding> findings = RedactionGate.standard().scan(key, false);
        if (!findings.isEmpty()) {
            // checked before the key is claimed, i.e. stored; an opaque id never needs to be a secret: no bypass
            throw new InvalidInputException("idempotency_key", "refused by the secret-redaction gate, which flagged "
                    + "idempotency_key: " + RedactionGate.describe(findings) + ". Use a random key such as a UUID");
        }
        return key;
    }

    private static String encode(AddResult result, Instant writtenAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", result.file().toString());
        fields.put("namespace", result.namespace());
        fields.put("chunks", result.chunksIndexed());
        fields.put("written_at", writtenAt.toString());
        try {
            return Jackson.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    private static AddResult decode(String stored) {
        try {
            JsonNode fields = Jackson.readTree(stored);
            return new AddResult(Path.of(fields.get("file").asText()), fields.get("namespace").asText(),
                    fields.get("chunks").asInt(), null, Instant.parse(fields.get("written_at").asText()), null);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MemtomemException("the idempotency ledger holds an unreadable result for this key (" + e
                    + "); use a new idempotency_key");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemtomemException("interrupted while waiting for another mem_add with this idempotency_key");
        }
    }
}
