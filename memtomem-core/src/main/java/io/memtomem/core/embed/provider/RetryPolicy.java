package io.memtomem.core.embed.provider;

import java.time.Duration;

/**
 * Bounded exponential backoff for HTTP providers: attempt n (1-based) waits {@code initialBackoff * 2^(n-1)}, capped
 * at {@code maxBackoff}; a server's Retry-After is honoured up to the same cap so a hostile header cannot stall
 * indexing for hours.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** The wait before the attempt that follows {@code failedAttempt}. */
    public Duration backoffAfter(int failedAttempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return cap(wait);
    }

    public Duration cap(Duration wait) {
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
