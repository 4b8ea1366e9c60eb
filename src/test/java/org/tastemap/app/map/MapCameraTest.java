package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MapCameraTest {
    @Test
    void zoomingKeepsThePointUnderTheCursorInPlace() {
        MapCamera c = new MapCamera();
        c.set(3, -2, 40);
        double wx = c.toWorldX(610, 800);
        double wy = c.toWorldY(95, 600);
        c.zoomAt(610, 95, 2.5, 800, 600);
        assertEquals(100, c.scale(), 1e-9);
        assertEquals(610, c.toScreenX(wx, 800), 1e-9);
        assertEquals(95, c.toScreenY(wy, 600), 1e-9);
    }

    @Test
    void panningMovesTheMapWithTheMouse() {
        MapCamera c = new MapCamera();
        c.set(0, 0, 10);
        double sx = c.toScreenX(1, 200);
        double sy = c.toScreenY(1, 100);
        c.pan(30, -20);
        assertEquals(sx + 30, c.toScreenX(1, 200), 1e-9);
        assertEquals(sy - 20, c.toScreenY(1, 100), 1e-9);
    }

    @Test
    void aFittedViewShowsTheBoxAndAFlightEndsThere() {
        // box 10 x 4 in 500 x 300 px with 50 px margins: scale min(400/10, 200/4) = 40, centre (5, 2)
        MapCamera fit = MapCamera.fitting(0, 0, 10, 4, 500, 300, 50);
        assertEquals(40, fit.scale(), 1e-9);
        assertEquals(50, fit.toScreenX(0, 500), 1e-9);
        MapCamera start = new MapCamera();
        start.set(-100, 7, 0.5);
        MapCamera end = MapCamera.between(start, fit, 1);
        assertEquals(fit.centerX(), end.centerX(), 1e-9);
        assertEquals(fit.scale(), end.scale(), 1e-9);
        // half way the scale is the geometric mean: sqrt(0.5 * 40)
        assertEquals(Math.sqrt(0.5 * 40), MapCamera.between(start, fit, 0.5).scale(), 1e-9);
    }
}
