package io.memtomem.core.embed.provider;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));

    @Test
    void backoffDoublesUntilTheCap() {
        assertEquals(Duration.ofMillis(100), policy.backoffAfter(1));
        assertEquals(Duration.ofMillis(200), policy.backoffAfter(2));
        assertEquals(Duration.ofMillis(400), policy.backoffAfter(3));
        assertEquals(Duration.ofMillis(500), policy.backoffAfter(4));
        assertEquals(Duration.ofMillis(500), policy.backoffAfter(60));
    }

    @Test
    void serverRequestedWaitsAreCapped() {
        assertEquals(Duration.ofMillis(500), policy.cap(Duration.ofHours(3)));
        assertEquals(Duration.ofMillis(50), policy.cap(Duration.ofMillis(50)));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
