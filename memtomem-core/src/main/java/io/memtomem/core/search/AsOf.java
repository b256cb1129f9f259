package io.memtomem.core.search;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.chunk.ValidityPeriod;
import java.time.Clock;

/**
 * The instant the temporal-validity filter judges at (memory-core.md §5.1 stage 5): the start of the {@code as_of}
 * day or quarter, or now when none is given, so a memory whose {@code valid_to} has passed drops out of plain
 * searches.
 */
final class AsOf {
    private AsOf() {
    }

    static long unixSeconds(String asOf, Clock clock) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant().getEpochSecond();
        }
        return ValidityPeriod.parse(asOf).map(ValidityPeriod::startUnix).orElseThrow(() ->
                new InvalidInputException("as_of", "as_of must be " + ValidityPeriod.FORMATS + ", got '" + asOf + "'"));
    }
}
