package io.memtomem.locking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PidPayloadTest {

    private static Optional<PidPayload.Parsed> parse(String text) {
        return PidPayload.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** §9 scenario 2: three lines — pid, empty port slot, timezone-aware ISO-8601 start with 6-digit micros. */
    @Test
    void formatWritesPidEmptyPortLineAndUtcMicrosecondStartTime() {
        String payload = PidPayload.format(4242, Instant.parse("2026-08-05T10:00:00.123456789Z"));

        assertEquals("4242\n\n2026-08-05T10:00:00.123456+00:00\n", payload);
        assertEquals(Instant.parse("2026-08-05T10:00:00.123456Z"),
                OffsetDateTime.parse(payload.split("\n")[2]).toInstant());
    }

    /** §9 scenario 2 / §2.3: the +00:00 form keeps six fraction digits even when they are zero (never {@code Z}). */
    @Test
    void formatKeepsSixZeroMicrosecondDigitsAndNumericOffset() {
        assertEquals("2026-08-05T10:00:00.000000+00:00", PidPayload.formatStarted(Instant.parse("2026-08-05T10:00:00Z")));
    }

    /** §9 scenario 30: a three-line payload yields pid, port and started. */
    @Test
    void threeLinePayloadYieldsPidPortAndStarted() {
        assertEquals(Optional.of(new PidPayload.Parsed(4242L, 18080, "2026-08-05T10:00:00.123456+00:00")),
                parse("4242\n18080\n2026-08-05T10:00:00.123456+00:00\n"));
    }

    /** §2.1: the Python writers use text mode, so Windows files end lines with CRLF; lone CR is accepted as well. */
    @ParameterizedTest
    @ValueSource(strings = {"4242\r\n\r\n2026-01-01T00:00:00.000001+00:00\r\n", "4242\r\r2026-01-01T00:00:00.000001+00:00\r"})
    void crlfAndLoneCrLineEndingsParseLikeLf(String payload) {
        assertEquals(Optional.of(new PidPayload.Parsed(4242L, null, "2026-01-01T00:00:00.000001+00:00")),
                parse(payload));
    }

    /** §9 scenario 30: exactly 4096 bytes still parses; 4097 bytes is discarded even though it starts with a pid. */
    @Test
    void payloadOf4096BytesParsesWhile4097BytesYieldsNoPid() {
        byte[] limit = padded("4242\n", PidPayload.MAX_BYTES);
        byte[] over = padded("4242\n", PidPayload.MAX_BYTES + 1);

        assertEquals(4242L, PidPayload.parse(limit).orElseThrow().pid());
        assertEquals(Optional.empty(), PidPayload.parse(over));
    }

    /** §9 scenario 33 (metadata half) / §2.4: invalid UTF-8 yields no metadata at all. */
    @Test
    void invalidUtf8YieldsNoMetadata() {
        assertEquals(Optional.empty(), PidPayload.parse(new byte[] {'4', '2', '\n', (byte) 0xff, '\n'}));
    }

    /** §2.4 garbage tolerance: each unusable field is null on its own, lines beyond the third are ignored. */
    @Test
    void garbageFieldsAreNullIndividually() {
        PidPayload.Parsed empty = new PidPayload.Parsed(null, null, null);
        assertEquals(Optional.of(empty), parse(""));
        assertEquals(Optional.of(empty), parse("abc"));
        assertEquals(Optional.of(new PidPayload.Parsed(4242L, null, null)), parse("4242"));
        assertEquals(Optional.of(new PidPayload.Parsed(4242L, null, null)), parse("4242\nxx\n"));
        assertEquals(Optional.of(new PidPayload.Parsed(7L, 1, "s")), parse("  7 \n 1\n s \nextra\n"));
    }

    /** §2.3 decision: optional sign plus ASCII digits only; values are kept (never signalled here) even when ≤ 1. */
    @Test
    void pidAcceptsOptionalSignAndAsciiDigitsOnly() {
        assertEquals(-5L, parse("-5").orElseThrow().pid());
        assertEquals(0L, parse("0").orElseThrow().pid());
        assertEquals(null, parse("1_000").orElseThrow().pid());
        assertEquals(null, parse("\u0661\u0662").orElseThrow().pid());
        assertEquals(null, parse("99999999999999999999").orElseThrow().pid());
    }

    @Test
    void portOutsideIntRangeIsNull() {
        assertTrue(parse("1\n99999999999\n").orElseThrow().port() == null);
    }

    private static byte[] padded(String prefix, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
