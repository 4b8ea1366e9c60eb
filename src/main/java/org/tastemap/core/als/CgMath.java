package org.tastemap.core.als;

/** What the scalar and the vector CG solvers share beyond their workspace: the stopping rule and the row objective. */
final class CgMath {
    /** Stop early when the squared residual {@code r.r} falls below this. */
    static final float RESIDUAL_EPS = 1e-20f;

    private CgMath() {
    }

    /**
     * The row objective at the solve's final x from CG's residual {@code r = b - A x}:
     * {@code f(x) = x'A x - 2 b.x + sum c = sum c - x.(b + r)}, in double. CG keeps r up to date
     * through its steps, so this costs O(k) where evaluating f directly takes another pass over the
     * row's non-zeros. r drifts from {@code b - A x} by float rounding, so f carries an error of a
     * few 1e-7 of {@code sum c} (more on rows with tens of thousands of non-zeros).
     */
    static double rowObjective(HalfStep s, int row, float[] x, int xo, float[] b, float[] r) {
        double xbr = 0;
        for (int f = 0; f < s.k(); f++) {
            xbr += (double) x[xo + f] * ((double) b[f] + r[f]);
        }
        return s.confidenceSum(row) - xbr;
    }
}
