package org.tastemap.app.map;

import java.util.function.IntPredicate;

/**
 * A uniform grid over the points' bounding box, about {@value #PER_CELL} points per cell, so that the
 * point under the mouse is found by looking at the few cells around it instead of every point.
 */
final class SpatialGrid {
    static final int PER_CELL = 4;
    private final float[] x;
    private final float[] y;
    private final double minX;
    private final double minY;
    private final double cell;
    private final int cols;
    private final int rows;
    /** Points of cell c are items[start[c] .. start[c + 1]). */
    private final int[] start;
    private final int[] items;

    SpatialGrid(float[] x, float[] y) {
        this.x = x;
        this.y = y;
        int n = x.length;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, x[i]);
            y0 = Math.min(y0, y[i]);
            x1 = Math.max(x1, x[i]);
            y1 = Math.max(y1, y[i]);
        }
        if (n == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        minX = x0;
        minY = y0;
        // cell side s with (w / s) * (h / s) ~ n / PER_CELL cells
        double w = Math.max(x1 - x0, 1e-9);
        double h = Math.max(y1 - y0, 1e-9);
        cell = Math.max(Math.sqrt(w * h * PER_CELL / Math.max(n, 1)), Math.max(w, h) / 2048);
        cols = (int) Math.min(2048, Math.floor(w / cell) + 1);
        rows = (int) Math.min(2048, Math.floor(h / cell) + 1);
        start = new int[cols * rows + 1];
        int[] of = new int[n];
        for (int i = 0; i < n; i++) {
            of[i] = cellOf(x[i], y[i]);
            start[of[i] + 1]++;
        }
        for (int c = 0; c < cols * rows; c++) {
            start[c + 1] += start[c];
        }
        items = new int[n];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            items[fill[of[i]]++] = i;
        }
    }

    private int col(double wx) {
        return (int) Math.max(0, Math.min(cols - 1, Math.floor((wx - minX) / cell)));
    }

    private int row(double wy) {
        return (int) Math.max(0, Math.min(rows - 1, Math.floor((wy - minY) / cell)));
    }

    private int cellOf(double wx, double wy) {
        return row(wy) * cols + col(wx);
    }

    /** The point nearest to (wx, wy) within {@code radius} that {@code shown} accepts, or -1. */
    int nearest(double wx, double wy, double radius, IntPredicate shown) {
        int best = -1;
        double bestD2 = radius * radius;
        for (int r = row(wy - radius); r <= row(wy + radius); r++) {
            for (int c = col(wx - radius); c <= col(wx + radius); c++) {
                int cellIndex = r * cols + c;
                for (int q = start[cellIndex]; q < start[cellIndex + 1]; q++) {
                    int i = items[q];
                    double dx = x[i] - wx;
                    double dy = y[i] - wy;
                    double d2 = dx * dx + dy * dy;
                    // ties go to the lower index, so the answer does not depend on the cell order
                    if ((d2 < bestD2 || d2 == bestD2 && best >= 0 && i < best) && shown.test(i)) {
                        bestD2 = d2;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /** Calls {@code each} with every point whose cell meets the rectangle (a superset; callers test exactly). */
    void candidates(double x0, double y0, double x1, double y1, java.util.function.IntConsumer each) {
        for (int r = row(Math.min(y0, y1)); r <= row(Math.max(y0, y1)); r++) {
            for (int c = col(Math.min(x0, x1)); c <= col(Math.max(x0, x1)); c++) {
                int cellIndex = r * cols + c;
                for (int q = start[cellIndex]; q < start[cellIndex + 1]; q++) {
                    each.accept(items[q]);
                }
            }
        }
    }
}
