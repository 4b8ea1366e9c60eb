package org.tastemap.app.shell;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where it was last time, kept on the screen; on a first run
 * 1360 x 860 in the middle, or the whole screen when the screen is not much bigger than that.
 */
final class WindowBounds {
    static final double WIDTH = 1360;
    static final double HEIGHT = 860;

    private WindowBounds() {
    }

    /**
     * @param x, y, w, h the saved bounds (NaN when never saved)
     * @param screen     the visual bounds of the screen (without task bars)
     */
    static Rectangle2D initial(double x, double y, double w, double h, Rectangle2D screen) {
        if (Double.isNaN(w) || Double.isNaN(h) || w < 200 || h < 150) {
            if (screen.getWidth() < WIDTH + 80 || screen.getHeight() < HEIGHT + 60) {
                return screen;
            }
            return centered(WIDTH, HEIGHT, screen);
        }
        double cw = Math.min(w, screen.getWidth());
        double ch = Math.min(h, screen.getHeight());
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return centered(cw, ch, screen);
        }
        double cx = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - cw));
        double cy = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - ch));
        return new Rectangle2D(cx, cy, cw, ch);
    }

    private static Rectangle2D centered(double w, double h, Rectangle2D screen) {
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2, screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }
}
