package io.memtomem.core.search;

import io.memtomem.core.InvalidInputException;
import io.memtomem.core.store.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Recall's date bounds (memory-core.md §5.7): {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} or an ISO date-time,
 * read as UTC. A partial {@code until} means the end of that period, e.g. {@code 2026-03} is before 2026-04-01.
 * Bounds are rendered in the stored timestamp format so they compare as strings against {@code created_at}.
 */
final class DateBounds {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateBounds() {
    }

    static String since(String raw) {
        return raw == null || raw.isBlank() ? null : Timestamps.format(parse(raw.strip(), false, "since"));
    }

    static String until(String raw) {
        return raw == null || raw.isBlank() ? null : Timestamps.format(parse(raw.strip(), true, "until"));
    }

    private static Instant parse(String text, boolean endOfPeriod, String parameter) {
        try {
            if (YEAR.matcher(text).matches()) {
                int year = Integer.parseInt(text);
                return startOfDay(LocalDate.of(endOfPeriod ? year + 1 : year, 1, 1));
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return startOfDay((endOfPeriod ? month.plusMonths(1) : month).atDay(1));
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return startOfDay(endOfPeriod ? day.plusDays(1) : day);
            }
            return dateTime(text);
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException(parameter, parameter + " must be YYYY, YYYY-MM, YYYY-MM-DD or an ISO"
                    + " date-time, got '" + text + "'");
        }
    }

    private static Instant dateTime(String text) {
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
    }

    private static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
