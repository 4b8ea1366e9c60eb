package org.tastemap.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|1", "1|10", "2|100", "3|1k", "4|10k", "5|100k", "6|1M", "0.5|3.2", "2.5|316"})
    void logTicksReadAsTheirValues(double log10, String want) {
        assertEquals(want, PlainNumbers.log10Labels().toString(log10));
    }
}
