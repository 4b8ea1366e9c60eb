package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {
    private static final double NAN = Double.NaN;
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D SMALL_DESKTOP = new Rectangle2D(0, 0, 1400, 900);
    private static final Rectangle2D BIG = new Rectangle2D(0, 0, 2560, 1400);

    @Test
    void aFirstRunFillsAScreenThatIsNotMuchBiggerThanTheDefault() {
        assertEquals(LAPTOP, WindowBounds.initial(NAN, NAN, NAN, NAN, LAPTOP));
        assertEquals(SMALL_DESKTOP, WindowBounds.initial(NAN, NAN, NAN, NAN, SMALL_DESKTOP));
    }

    @Test
    void aFirstRunOnABigScreenIsCentred() {
        // (2560 - 1360) / 2 = 600, (1400 - 860) / 2 = 270
        assertEquals(new Rectangle2D(600, 270, 1360, 860), WindowBounds.initial(NAN, NAN, NAN, NAN, BIG));
    }

    @Test
    void savedBoundsAreKeptOnTheScreen() {
        assertEquals(new Rectangle2D(100, 50, 1200, 800), WindowBounds.initial(100, 50, 1200, 800, BIG));
        // saved on a bigger monitor: shrunk to the laptop and moved back onto it
        assertEquals(new Rectangle2D(0, 0, 1366, 740), WindowBounds.initial(1500, 600, 1800, 1000, LAPTOP));
        assertEquals(new Rectangle2D(166, 0, 1200, 740), WindowBounds.initial(900, -40, 1200, 760, LAPTOP));
    }
}
