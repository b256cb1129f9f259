package io.memtomem.core.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidityPeriodTest {
    private static long unix(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @Test
    void aDayRunsFromItsFirstToItsLastSecondUtc() {
        assertEquals(Optional.of(new ValidityPeriod(unix("2026-03-30T00:00:00Z"), unix("2026-03-30T23:59:59Z"))),
                ValidityPeriod.parse("2026-03-30"));
    }

    @Test
    void aQuarterRunsFromItsFirstDayToTheLastSecondOfItsThirdMonth() {
        assertEquals(Optional.of(new ValidityPeriod(unix("2026-01-01T00:00:00Z"), unix("2026-03-31T23:59:59Z"))),
                ValidityPeriod.parse("2026-Q1"));
        assertEquals(Optional.of(new ValidityPeriod(unix("2025-10-01T00:00:00Z"), unix("2025-12-31T23:59:59Z"))),
                ValidityPeriod.parse(" 2025-q4 "));
    }

    @Test
    void otherTextAndImpossibleDatesAreNotPeriods() {
        for (String text : new String[] {"2026-02-30", "2026-Q5", "2026-Q0", "2026-03", "26-03-30", "March 2026",
                "2026-03-30T10:00:00Z", "", "2026/03/30"}) {
            assertTrue(ValidityPeriod.parse(text).isEmpty(), text);
        }
    }
}
