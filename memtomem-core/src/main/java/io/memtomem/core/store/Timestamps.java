package io.memtomem.core.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The stored timestamp format: UTC ISO-8601 with microseconds and an explicit {@code +00:00} offset, as Python's
 * {@code datetime.isoformat()} writes it, so string comparison orders rows by time.
 */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
