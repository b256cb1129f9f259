package io.memtomem.core.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampsTest {
    /** The written-out format gives what the pattern formatter it replaced gave, for any instant of years 0-9999. */
    @Test
    void everyInstantIsWrittenAsThePatternFormatterWroteIt() {
        SplittableRandom random = new SplittableRandom(17);
        DateTimeFormatter[] patterns = {formatter("uuuu-MM-dd'T'HH:mm:ss'+00:00'"),
                formatter("uuuu-MM-dd'T'HH:mm:ss.SSS'+00:00'"), formatter("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'")};
        int[] digits = {0, 3, 6};
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest), random.nextInt(1_000_000_000));
            for (int p = 0; p < patterns.length; p++) {
                assertEquals(patterns[p].format(instant), Timestamps.utc(instant, digits[p]), instant::toString);
            }
        }
        assertEquals("2026-03-30T01:02:03.000007+00:00",
                Timestamps.format(Instant.parse("2026-03-30T01:02:03.000007Z")));
    }

    private static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
    }
}
