package org.tastemap.app.artists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreScaleTest {
    @Test
    void barsSpanTheListsRangeSoCloseScoresLookDifferent() {
        // the case: cosines 0.99 and 0.87 drawn on a 0..1 scale were 99% and 87% long
        ScoreScale s = ScoreScale.of(List.of(0.99, 0.95, 0.87), Double::doubleValue);
        // by hand: lowest -> 0.1, highest -> 1, between linearly: 0.1 + 0.9 * (0.95 - 0.87) / 0.12 = 0.7
        assertEquals(1.0, s.fraction(0.99), 1e-12);
        assertEquals(0.1, s.fraction(0.87), 1e-12);
        assertEquals(0.7, s.fraction(0.95), 1e-12);
    }

    @Test
    void oneScoreOrEqualScoresFillTheBar() {
        assertEquals(1.0, ScoreScale.of(List.of(0.5), Double::doubleValue).fraction(0.5), 0);
        assertEquals(1.0, ScoreScale.of(List.of(0.3, 0.3), Double::doubleValue).fraction(0.3), 0);
        assertEquals(0.0, ScoreScale.of(List.<Double>of(), Double::doubleValue).fraction(0.3), 0);
    }

    @Test
    void valuesOutsideTheListAreClamped() {
        ScoreScale s = ScoreScale.of(List.of(2.0, 4.0), Double::doubleValue);
        assertEquals(0.1, s.fraction(1.0), 1e-12);
        assertEquals(1.0, s.fraction(5.0), 1e-12);
    }

    @Test
    void closeScoresGetEnoughDecimalsToTellThemApart() {
        // by hand: range 0.003 -> ceil(-log10 0.003) + 1 = 3 + 1 = 4 decimals; range 0.12 -> the usual 3
        assertEquals(4, ScoreScale.of(List.of(0.9941, 0.9912), Double::doubleValue).decimals());
        assertEquals(3, ScoreScale.of(List.of(0.99, 0.87), Double::doubleValue).decimals());
        assertEquals(3, ScoreScale.of(List.of(0.5), Double::doubleValue).decimals());
    }
}
