package org.tastemap.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IterationAxisTest {
    @Test
    void aShortRunTicksEveryIteration() {
        // 10 iterations: bounds 1..10, one tick per iteration (worked out by hand)
        assertEquals(new IterationAxis.Range(1, 10, 1), IterationAxis.range(1, 10));
        // a warm retrain of 5 continuing a 10-iteration model
        assertEquals(new IterationAxis.Range(11, 15, 1), IterationAxis.range(11, 15));
    }

    @Test
    void aSingleIterationStillHasAWholeWidth() {
        assertEquals(new IterationAxis.Range(1, 2, 1), IterationAxis.range(1, 1));
    }

    @Test
    void longRunsUseWholeUnitsAndEndOnATick() {
        // 1..40: span 39 > 2 * 12, so unit 5; upper 1 + 8 * 5 = 41
        assertEquals(new IterationAxis.Range(1, 41, 5), IterationAxis.range(1, 40));
        // 1..200: span 199 <= 12 * 20, unit 20; upper 1 + 10 * 20 = 201
        assertEquals(new IterationAxis.Range(1, 201, 20), IterationAxis.range(1, 200));
    }

    @Test
    void everyRangeHasIntegerTicksAndAtMostTwelveOfThem() {
        for (int first = 1; first <= 30; first++) {
            for (int last = first; last <= first + 400; last++) {
                IterationAxis.Range r = IterationAxis.range(first, last);
                assertEquals(first, r.lower());
                assertTrue(r.upper() >= last && r.upper() > r.lower());
                assertEquals(0, (r.upper() - r.lower()) % r.unit(), "the upper bound is on a tick");
                assertTrue((r.upper() - r.lower()) / r.unit() <= IterationAxis.MAX_TICKS, r.toString());
            }
        }
    }
}
