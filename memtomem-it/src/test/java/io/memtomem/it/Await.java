package io.memtomem.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: the only way these tests wait for another process to reach a state. */
final class Await {
    private static final long POLL_MILLIS = 25;

    private Await() {
    }

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, () -> what, condition);
    }

    /** Like {@link #until(Duration, String, BooleanSupplier)}, describing the failure only when it happens. */
    static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        value(timeout, what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    static <T> T value(Duration timeout, String what, Supplier<Optional<T>> probe) {
        return value(timeout, () -> what, probe);
    }

    static <T> T value(Duration timeout, Supplier<String> what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            pause(POLL_MILLIS);
        }
    }

    /** Sleeps: for polling, or for a window a test watches (never to wait for a state: that is {@link #until}). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
