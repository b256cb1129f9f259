package io.memtomem.core;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalsTest {
    /** Scores (0-1 and their reciprocals), sizes in KB/MB, halfway cases and signs, against Formatter itself. */
    @Test
    void everyValueIsWrittenAsFormatterWritesIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 5) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextDouble() * 10_000;
                case 2 -> Math.round(random.nextDouble() * 1_000_000) / 100_000.0 + 0.000_05; // near halfway
                case 3 -> -random.nextDouble() * 100;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            for (int places : new int[] {1, 4}) {
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", value), Decimals.fixed(value, places),
                        () -> Double.toString(value));
            }
        }
    }

    @Test
    void edgesAreWrittenAsFormatterWritesThem() {
        for (double value : new double[] {0.0, -0.0, 0.00005, 0.00015, 1.00005, 2.5, 1e-10, -1e-10, 1e20, 123456.75,
                Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int places : new int[] {0, 1, 4}) {
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", value), Decimals.fixed(value, places),
                        Double.toString(value));
            }
        }
    }
}
