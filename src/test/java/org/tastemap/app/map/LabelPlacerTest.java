package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Label boxes worked out by hand on a pixel grid. */
class LabelPlacerTest {
    @Test
    void aLabelOverlappingOneAlreadyPlacedIsSkipped() {
        LabelPlacer p = new LabelPlacer(12);
        assertTrue(p.place(100, 100, 80, 16));
        // starts inside the first box (x 150 < 180, y 110 < 116)
        assertFalse(p.place(150, 110, 80, 16));
        // touches the first box's right edge only: x = 180 is where it ends, so no overlap
        assertTrue(p.place(180, 100, 40, 16));
        // below both
        assertTrue(p.place(100, 116, 80, 16));
    }

    @Test
    void noMoreThanTheRoomGiven() {
        LabelPlacer p = new LabelPlacer(2);
        assertTrue(p.place(0, 0, 10, 10));
        assertTrue(p.place(0, 20, 10, 10));
        assertTrue(p.full());
        assertFalse(p.place(0, 40, 10, 10));
    }
}
