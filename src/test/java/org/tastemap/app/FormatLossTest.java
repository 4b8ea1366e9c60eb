package org.tastemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Format#loss} trims with one precompiled pattern (the loss axis formats every tick on the UI
 * thread); it must write exactly what the former two {@code replaceAll} calls wrote, which this test
 * keeps as the reference, and the examples of its documentation. From 100 on it groups the digits
 * itself, without a Formatter: the reference there is {@code String.format("%,.0f")}, which it used before.
 */
class FormatLossTest {
    private static String reference(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    @Test
    void documentedExamples() {
        assertEquals("90", Format.loss(90));
        assertEquals("12.5", Format.loss(12.5));
        assertEquals("0.5", Format.loss(0.5));
        assertEquals("0", Format.loss(0));
        assertEquals("490,912", Format.loss(490_912.3));
    }

    @Test
    void groupedDigitsAsTheFormatterWritesThem() {
        Random r = new Random(5);
        double[] fixed = {100, -100, 100.5, 999.5, 1000, 1e6, 1_234_567.5, -1_234_567.5, 2.5e14, 999_999_999_999_999.0, 1e15, 3e18,
            1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.5035996273704955E15};
        for (double v : fixed) {
            assertEquals(reference(v), Format.loss(v), "v = " + v);
        }
        for (int i = 0; i < 50_000; i++) {
            // magnitudes from 100 to 1e16, and halves, where rounding decides
            double v = switch (i % 3) {
                case 0 -> Math.pow(10, 2 + 14 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                case 1 -> (r.nextLong() % 2_000_000_000_000L) + 0.5;
                default -> Math.nextDown(100 + r.nextInt(1_000_000) + 0.5);
            };
            assertEquals(reference(v), Format.loss(v), "v = " + v);
        }
    }

    @Test
    void sameAsTheTwoReplaceAllsOverManyValues() {
        Random r = new Random(3);
        double[] fixed = {0, -0.0, 1, 10, 99.99, 99.995, 100, 0.1, 0.001, 0.0001, 1e-5, 10.01, 50.5, -12.5, -0.25};
        for (double v : fixed) {
            assertEquals(reference(v), Format.loss(v), "v = " + v);
        }
        for (int i = 0; i < 20_000; i++) {
            // magnitudes from 1e-6 to 1e3, and whole and half values
            double v = switch (i % 3) {
                case 0 -> Math.pow(10, -6 + 9 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                case 1 -> r.nextInt(200) - 100;
                default -> (r.nextInt(400) - 200) / 2.0;
            };
            assertEquals(reference(v), Format.loss(v), "v = " + v);
        }
    }
}
