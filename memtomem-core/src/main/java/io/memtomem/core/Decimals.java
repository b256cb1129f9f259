package io.memtomem.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point text of a double, as {@code String.format(Locale.ROOT, "%.Nf", value)} writes it. Written out because
 * the first {@code %f} in a process loads the locale's decimal symbols and Formatter's float printing, ~5 ms of a
 * cold {@code mm search} or {@code mm status}; {@code DecimalsTest} holds the two equal.
 */
public final class Decimals {
    private Decimals() {
    }

    public static String fixed(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        // Formatter rounds the value's decimal digits half up: the digits Double.toString gives (Java 17 and 25 checked)
        String digits = new BigDecimal(Double.toString(Math.abs(value))).setScale(places, RoundingMode.HALF_UP)
                .toPlainString();
        return negative(value) ? "-" + digits : digits;
    }

    private static boolean negative(double value) {
        return value < 0 || value == 0 && 1 / value < 0;
    }
}
