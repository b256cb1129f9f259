package io.memtomem.core.chunk;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day ({@code YYYY-MM-DD}) or a quarter ({@code YYYY-QN}) as UTC unix seconds, the date forms of frontmatter
 * {@code valid_from:}/{@code valid_to:} and of {@code as_of} (memory-core.md §1.3).
 *
 * @param startUnix the first second of the period
 * @param endUnix   the last second of the period
 */
public record ValidityPeriod(long startUnix, long endUnix) {
    public static final String FORMATS = "YYYY-MM-DD or YYYY-QN (e.g. 2026-03-30 or 2026-Q1)";

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

    /** The period the text names; empty when it is neither form or not a real date (2026-02-30). */
    public static Optional<ValidityPeriod> parse(String text) {
        String value = text == null ? "" : text.strip();
        try {
            Matcher day = DAY.matcher(value);
            if (day.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(3)));
                return Optional.of(between(date, date.plusDays(1)));
            }
            Matcher quarter = QUARTER.matcher(value);
            if (quarter.matches()) {
                LocalDate start = LocalDate.of(Integer.parseInt(quarter.group(1)),
                        (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
                return Optional.of(between(start, start.plusMonths(3)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static ValidityPeriod between(LocalDate first, LocalDate next) {
        long start = first.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        return new ValidityPeriod(start, next.atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1);
    }
}
