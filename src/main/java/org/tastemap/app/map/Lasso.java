package org.tastemap.app.map;

/** A closed polygon in layout units (a lasso, or a rectangle's four corners) and whether points lie inside. */
public final class Lasso {
    private final double[] xs;
    private final double[] ys;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    public Lasso(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]);
            y0 = Math.min(y0, ys[i]);
            x1 = Math.max(x1, xs[i]);
            y1 = Math.max(y1, ys[i]);
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
    }

    public static Lasso rectangle(double x0, double y0, double x1, double y1) {
        return new Lasso(new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1});
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    /**
     * Even-odd rule (ray casting): a ray from (x, y) towards +x crosses the boundary an odd number of
     * times exactly when the point is inside. Edge i-j crosses the ray when y lies between its ends
     * (half-open, so a vertex is counted once) and the crossing's x, x_i + (y - y_i)(x_j - x_i)/(y_j - y_i),
     * lies right of the point.
     */
    public boolean contains(double x, double y) {
        if (xs.length < 3 || x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i])) {
                inside = !inside;
            }
        }
        return inside;
    }
}
