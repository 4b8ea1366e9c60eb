package org.tastemap.app.map;

/**
 * Which part of the layout the canvas shows: the layout point at the canvas centre and the scale
 * (pixels per layout unit). Screen y grows downwards, layout y upwards.
 *
 * <pre>
 * screenX = (x - centerX) * scale + width / 2
 * screenY = height / 2 - (y - centerY) * scale
 * </pre>
 */
public final class MapCamera {
    static final double MIN_SCALE = 1e-6;
    static final double MAX_SCALE = 1e9;
    private double centerX;
    private double centerY;
    private double scale = 1;

    public double centerX() {
        return centerX;
    }

    public double centerY() {
        return centerY;
    }

    public double scale() {
        return scale;
    }

    public void set(double cx, double cy, double s) {
        centerX = cx;
        centerY = cy;
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    public double toScreenX(double x, double width) {
        return (x - centerX) * scale + width / 2;
    }

    public double toScreenY(double y, double height) {
        return height / 2 - (y - centerY) * scale;
    }

    public double toWorldX(double sx, double width) {
        return centerX + (sx - width / 2) / scale;
    }

    public double toWorldY(double sy, double height) {
        return centerY - (sy - height / 2) / scale;
    }

    /**
     * Zooms by {@code factor} keeping the layout point under (sx, sy) where it is: with w = that
     * point, the new centre c' solves (w - c') * s' = (w - c) * s, so c' = w - (w - c) * s / s'.
     */
    public void zoomAt(double sx, double sy, double factor, double width, double height) {
        double wx = toWorldX(sx, width);
        double wy = toWorldY(sy, height);
        double s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        centerX = wx - (wx - centerX) * scale / s;
        centerY = wy - (wy - centerY) * scale / s;
        scale = s;
    }

    /** Moves the view by a drag of (dx, dy) pixels: the layout follows the mouse. */
    public void pan(double dx, double dy) {
        centerX -= dx / scale;
        centerY += dy / scale;
    }

    /** The view that shows the box [x0, x1] x [y0, y1] whole, with {@code margin} pixels around it. */
    public static MapCamera fitting(double x0, double y0, double x1, double y1, double width, double height, double margin) {
        MapCamera c = new MapCamera();
        double w = Math.max(x1 - x0, 1e-9);
        double h = Math.max(y1 - y0, 1e-9);
        double s = Math.min(Math.max(width - 2 * margin, 1) / w, Math.max(height - 2 * margin, 1) / h);
        c.set((x0 + x1) / 2, (y0 + y1) / 2, s);
        return c;
    }

    /**
     * The view a fraction t (0..1) of the way from {@code a} to {@code b}: the scale moves evenly on a
     * log scale (so zooming feels steady) and the centre in screen terms, s(t) = a.s^(1-t) * b.s^t.
     */
    public static MapCamera between(MapCamera a, MapCamera b, double t) {
        MapCamera c = new MapCamera();
        double e = t * t * (3 - 2 * t);   // smoothstep: starts and ends gently
        double s = Math.exp(Math.log(a.scale) * (1 - e) + Math.log(b.scale) * e);
        c.set(a.centerX + (b.centerX - a.centerX) * e, a.centerY + (b.centerY - a.centerY) * e, s);
        return c;
    }

    public MapCamera copy() {
        MapCamera c = new MapCamera();
        c.set(centerX, centerY, scale);
        return c;
    }
}
