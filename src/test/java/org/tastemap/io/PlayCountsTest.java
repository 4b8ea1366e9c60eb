package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlayCountsTest {
    /** Expected values are the decimal read of the text; NaN marks text that is not a play count. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12|12", "12.0|12", "0.5|0.5", "12.|12", "007|7", " 3 |3", "1e3|1000", "2.5E-1|0.25", "0|0", "-2|-2", "+4|4",
        "999999999999999999|999999999999999999", "1234567890123456789012|1.234567890123456789012e21",
        "abc|NaN", "NaN|NaN", "Infinity|NaN", "0x10|NaN", "12f|NaN", "12d|NaN", ".|NaN", "1e|NaN", "1,5|NaN",
        "1e39|NaN", "--1|NaN", "1.2.3|NaN"})
    void parsesPlainDecimalsOnly(String text, double expected) {
        assertSame(expected, PlayCounts.parse(text), text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // the byte parser of the Last.fm path agrees with the String parser
        assertSame(expected, LastFmReader.parsePlays(bytes, 0, bytes.length), text);
    }

    private static void assertSame(double expected, double actual, String text) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), text + " -> " + actual);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.abs(expected), text);
        }
    }
}
