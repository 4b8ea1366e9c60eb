package org.tastemap.core.als;

/**
 * The fast row solve: a fixed number of conjugate-gradient steps on
 * {@code A x = b} with {@code A = YtY + Yt(Cu - I)Y + lambda I} and {@code b = Yt Cu p(u)}, started
 * from the row's current factors (Takacs, Pilaszy &amp; Tikk 2011; implicit's CG solver). A is never
 * formed: {@code A v = YtY v + lambda v + sum_i (c_ui - 1)(y_i . v) y_i}, which costs
 * {@code O(k^2 + k * nnz(u))} per product.
 *
 * <p>This is the scalar version, used when the Vector API module is absent and as the reference
 * the vector kernel is tested against.
 */
public final class ConjugateGradientSolver implements RowSolver<CgWorkspace> {
    private final int steps;

    private ConjugateGradientSolver(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("CG needs at least one step");
        }
        this.steps = steps;
    }

    /**
     * The fastest CG solver available in this JVM.
     *
     * @deprecated use {@link RowSolver#conjugateGradient}, which chooses between this and the vector solver
     */
    @Deprecated
    public static RowSolver<?> create(int steps) {
        return RowSolver.conjugateGradient(steps);
    }

    /** The scalar solver, whatever the JVM offers. */
    public static ConjugateGradientSolver scalar(int steps) {
        return new ConjugateGradientSolver(steps);
    }

    @Override
    public CgWorkspace newWorkspace(int k) {
        return new CgWorkspace(k);
    }

    @Override
    public void solve(HalfStep s, int row, CgWorkspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int xo = s.targetOffset(row);
        final int yb = s.fixedOrigin();
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] r = w.r;
        final float[] p = w.p;
        final float[] ap = w.ap;
        final float[] b = w.b;
        final boolean objective = s.objective() != null;
        if (objective) {
            java.util.Arrays.fill(b, 0, k, 0f);
        }

        // r = b - A x = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        for (int f = 0; f < k; f++) {
            float acc = -reg * x[xo + f];
            int go = f * k;
            for (int g = 0; g < k; g++) {
                acc -= gram[go + g] * x[xo + g];
            }
            r[f] = acc;
        }
        for (int q = from; q < to; q++) {
            int yo = yb + cols[q] * k;
            float dot = 0;
            for (int f = 0; f < k; f++) {
                dot += y[yo + f] * x[xo + f];
            }
            float c1 = cm1[q];
            float coef = (1f + c1) - c1 * dot;
            for (int f = 0; f < k; f++) {
                r[f] += coef * y[yo + f];
            }
            if (objective) {
                // b = Yt C p(u) = sum_i c_ui y_i, for the row objective
                for (int f = 0; f < k; f++) {
                    b[f] += (1f + c1) * y[yo + f];
                }
            }
        }
        float rsOld = 0;
        for (int f = 0; f < k; f++) {
            p[f] = r[f];
            rsOld += r[f] * r[f];
        }
        if (!Float.isFinite(rsOld)) {
            // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
            java.util.Arrays.fill(x, xo, xo + k, Float.NaN);
            if (objective) {
                s.objective()[row] = Double.NaN;
            }
            return;
        }
        for (int it = 0; it < steps; it++) {
            if (rsOld < CgMath.RESIDUAL_EPS) {
                break;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            for (int f = 0; f < k; f++) {
                float acc = reg * p[f];
                int go = f * k;
                for (int g = 0; g < k; g++) {
                    acc += gram[go + g] * p[g];
                }
                ap[f] = acc;
            }
            for (int q = from; q < to; q++) {
                int yo = yb + cols[q] * k;
                float dot = 0;
                for (int f = 0; f < k; f++) {
                    dot += y[yo + f] * p[f];
                }
                float coef = cm1[q] * dot;
                for (int f = 0; f < k; f++) {
                    ap[f] += coef * y[yo + f];
                }
            }
            float pAp = 0;
            for (int f = 0; f < k; f++) {
                pAp += p[f] * ap[f];
            }
            if (!(pAp > 0)) {
                break;
            }
            float a = rsOld / pAp;
            float rsNew = 0;
            for (int f = 0; f < k; f++) {
                x[xo + f] += a * p[f];
                r[f] -= a * ap[f];
                rsNew += r[f] * r[f];
            }
            float beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
        if (objective) {
            s.objective()[row] = CgMath.rowObjective(s, row, x, xo, b, r);
        }
    }
}
