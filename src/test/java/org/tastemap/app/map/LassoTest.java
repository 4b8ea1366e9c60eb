package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LassoTest {
    @Test
    void aConcaveLassoExcludesItsNotch() {
        // a U: the square [0,10]^2 without the notch [4,6] x [3,10], drawn by hand
        Lasso u = new Lasso(new double[] {0, 10, 10, 6, 6, 4, 4, 0}, new double[] {0, 0, 10, 10, 3, 3, 10, 10});
        assertTrue(u.contains(2, 8));
        assertTrue(u.contains(8, 8));
        assertTrue(u.contains(5, 1));
        assertFalse(u.contains(5, 5), "inside the notch");
        assertFalse(u.contains(11, 5));
        assertFalse(u.contains(-0.1, 5));
    }

    @Test
    void aRectangleDraggedAnyWayRoundHoldsTheSamePoints() {
        Lasso a = Lasso.rectangle(0, 0, 4, 2);
        Lasso b = Lasso.rectangle(4, 2, 0, 0);
        int inA = 0;
        for (double x = -1; x <= 5; x += 0.5) {
            for (double y = -1; y <= 3; y += 0.5) {
                assertEquals(a.contains(x + 0.01, y + 0.01), b.contains(x + 0.01, y + 0.01));
                inA += a.contains(x + 0.01, y + 0.01) ? 1 : 0;
            }
        }
        // x + 0.01 in (0, 4) for x = 0, 0.5, ..., 3.5 (8 values); y + 0.01 in (0, 2) for 0, 0.5, 1, 1.5 (4)
        assertEquals(32, inA);
    }
}
