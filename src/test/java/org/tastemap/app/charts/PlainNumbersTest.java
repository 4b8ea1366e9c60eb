package org.tastemap.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tick labels in plain numbers; the expected strings are the issue's own examples (100, 1k) and their pattern, by hand. */
class PlainNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0", "1|1", "0.5|0.5", "0.0531|0.053", "0.00001|0.00001", "3.1623|3.2", "9.99|10", "12|12", "100|100",
            "999|999", "999.6|1k", "1000|1k", "1500|1.5k", "3162.3|3.2k", "9960|10k", "10000|10k", "31623|32k",
            "100000|100k", "999600|1M", "1000000|1M", "2500000|2.5M", "17723806|18M", "1e9|1G", "-1500|-1.5k"})
    void formatsLikeAPerson(double v, String want) {
        assertEquals(want, PlainNumbers.format(v));
    }

    /**
     * Whole numbers from 10 to 999 and the thousands steps from 10 on are rounded without a Formatter
     * (an axis asks for its labels many times in every layout); the reference is the {@code "%.0f"} the
     * code used before.
     */
    @Test
    void wholeNumbersRoundAsTheFormatterDid() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 50_000; i++) {
            double v = switch (i % 3) {
                case 0 -> 9.995 + r.nextDouble() * (999.5 - 9.995);
                case 1 -> Math.nextDown(10 + r.nextInt(990) + 0.5);
                default -> 10 + r.nextInt(990) + 0.5;
            };
            if (v >= 9.995 && v < 999.5) {
                assertEquals(String.format(java.util.Locale.ROOT, "%.0f", v), PlainNumbers.format(v), "v = " + v);
            }
            double big = v * 1000;
            String want = big / 1000 >= 9.95 && big / 1000 < 999.5 ? String.format(java.util.Locale.ROOT, "%.0f", big / 1000) + "k" : null;
            if (want != null) {
                assertEquals(want, PlainNumbers.format(big), "v = " + big);
            }
        }
    }

    /** A converter writes a value's label once and remembers it; another value is written anew. */
    @Test
    void rememberedLabelsAreWrittenOncePerValue() {
        java.util.List<Double> asked = new java.util.ArrayList<>();
        javafx.util.StringConverter<Number> c = PlainNumbers.remembered(v -> {
            asked.add(v);
            return PlainNumbers.format(v);
        });
        for (int layout = 0; layout < 3; layout++) {
            assertEquals("1.5k", c.toString(1500));
            assertEquals("2k", c.toString(2000.0));
        }
        assertEquals(java.util.List.of(1500.0, 2000.0), asked);
        for (int i = 0; i < 300; i++) {
            c.toString(i);
        }
        // at most 256 values are kept: 1500 was dropped and is written again
        assertEquals("1.5k", c.toString(1500));
        assertEquals(1500.0, asked.get(asked.size() - 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|1", "1|10", "2|100", "3|1k", "4|10k", "5|100k", "6|1M", "0.5|3.2", "2.5|316"})
    void logTicksReadAsTheirValues(double log10, String want) {
        assertEquals(want, PlainNumbers.log10Labels().toString(log10));
    }
}
