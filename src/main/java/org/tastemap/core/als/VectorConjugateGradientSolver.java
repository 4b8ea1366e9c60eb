package org.tastemap.core.als;

import static org.tastemap.core.als.ConjugateGradientSolver.RESIDUAL_EPS;
import static org.tastemap.core.als.VectorLanes.F;
import static org.tastemap.core.als.VectorLanes.L;
import static org.tastemap.core.als.VectorLanes.SWAP1;
import static org.tastemap.core.als.VectorLanes.SWAP2;
import static org.tastemap.core.als.VectorLanes.SWAP4;
import static org.tastemap.core.als.VectorLanes.SWAP8;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * {@link ConjugateGradientSolver}'s row solve with the Vector API: the same math (a fixed number of
 * CG steps on {@code (YtY + Yt(Cu - I)Y + lambda I) x = Yt Cu p(u)} from the current x, the same early
 * exits, NaN written to x when the first residual is not finite), with float sums in another order.
 *
 * <p>k = 2, 4 or 8 vectors wide runs the register kernels of {@link VectorCgRegisterKernels}; any
 * other k runs the loops below over the workspace arrays, whole vectors first and a scalar tail for
 * the last {@code k mod L} factors. Loaded only when {@link VectorSupport#available()}.
 */
final class VectorConjugateGradientSolver implements RowSolver {
    private final int steps;

    VectorConjugateGradientSolver(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("CG needs at least one step");
        }
        this.steps = steps;
    }

    /** Scratch vectors r, p and Ap of one thread. */
    static final class Workspace {
        final float[] r;
        final float[] p;
        final float[] ap;

        Workspace(int k) {
            r = new float[k];
            p = new float[k];
            ap = new float[k];
        }
    }

    @Override
    public Object newWorkspace(int k) {
        return new Workspace(k);
    }

    @Override
    public void solve(HalfStep s, int row, Object workspace) {
        Workspace w = (Workspace) workspace;
        if (!VectorCgRegisterKernels.solve(s, row, w.r, w.p, steps)) {
            solveAny(s, row, w);
        }
    }

    /** Any k: the vectors live in the workspace arrays. */
    private void solveAny(HalfStep s, int row, Workspace w) {
        final int k = s.k();
        final int kv = F.loopBound(k);
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final float[] gram = s.gramF();
        final float reg = (float) s.regularization(row);
        final int xo = row * k;
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] r = w.r;
        final float[] p = w.p;
        final float[] ap = w.ap;

        // r = b - A x = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        symmetricProduct(gram, k, kv, x, xo, reg, r, true);
        for (int q = from; q < to; q++) {
            final int yo = cols[q] * k;
            FloatVector acc = FloatVector.zero(F);
            int f = 0;
            for (; f < kv; f += L) {
                acc = FloatVector.fromArray(F, y, yo + f).fma(FloatVector.fromArray(F, x, xo + f), acc);
            }
            if (L >= 16) { acc = acc.add(acc.rearrange(SWAP8)); }
            if (L >= 8) { acc = acc.add(acc.rearrange(SWAP4)); }
            if (L >= 4) { acc = acc.add(acc.rearrange(SWAP2)); }
            acc = acc.add(acc.rearrange(SWAP1));
            float dot = acc.lane(0);
            for (; f < k; f++) {
                dot += y[yo + f] * x[xo + f];
            }
            final float c1 = cm1[q];
            final float coef = (1f + c1) - c1 * dot;
            axpy(coef, y, yo, r, k, kv);
        }
        float rsOld = 0;
        for (int f = 0; f < k; f++) {
            p[f] = r[f];
            rsOld += r[f] * r[f];
        }
        if (!Float.isFinite(rsOld)) {
            // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
            Arrays.fill(x, xo, xo + k, Float.NaN);
            return;
        }
        for (int it = 0; it < steps; it++) {
            if (rsOld < RESIDUAL_EPS) {
                return;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            symmetricProduct(gram, k, kv, p, 0, reg, ap, false);
            for (int q = from; q < to; q++) {
                final int yo = cols[q] * k;
                FloatVector acc = FloatVector.zero(F);
                int f = 0;
                for (; f < kv; f += L) {
                    acc = FloatVector.fromArray(F, y, yo + f).fma(FloatVector.fromArray(F, p, f), acc);
                }
                if (L >= 16) { acc = acc.add(acc.rearrange(SWAP8)); }
                if (L >= 8) { acc = acc.add(acc.rearrange(SWAP4)); }
                if (L >= 4) { acc = acc.add(acc.rearrange(SWAP2)); }
                acc = acc.add(acc.rearrange(SWAP1));
                float dot = acc.lane(0);
                for (; f < k; f++) {
                    dot += y[yo + f] * p[f];
                }
                axpy(cm1[q] * dot, y, yo, ap, k, kv);
            }
            float pAp = 0;
            for (int f = 0; f < k; f++) {
                pAp += p[f] * ap[f];
            }
            if (!(pAp > 0)) {
                return;
            }
            final float a = rsOld / pAp;
            float rsNew = 0;
            for (int f = 0; f < k; f++) {
                x[xo + f] += a * p[f];
                r[f] -= a * ap[f];
                rsNew += r[f] * r[f];
            }
            final float beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
    }

    /**
     * {@code out = scale * v + G v} (or {@code -(...)} when {@code negate}) for the symmetric k x k
     * matrix G, as broadcast FMAs over G's rows: {@code G v = sum_g v_g G[g, :]}.
     */
    private static void symmetricProduct(float[] gram, int k, int kv, float[] v, int vo, float scale, float[] out,
                                         boolean negate) {
        final float sign = negate ? -1f : 1f;
        for (int f = 0; f < kv; f += L) {
            FloatVector acc = FloatVector.fromArray(F, v, vo + f).mul(scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc = FloatVector.fromArray(F, gram, go).fma(FloatVector.broadcast(F, v[vo + g]), acc);
            }
            acc.mul(sign).intoArray(out, f);
        }
        for (int f = kv; f < k; f++) {
            float acc = scale * v[vo + f];
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc += gram[go] * v[vo + g];
            }
            out[f] = sign * acc;
        }
    }

    /** {@code acc[0..k) += a * y[yo..yo+k)}. */
    private static void axpy(float a, float[] y, int yo, float[] acc, int k, int kv) {
        FloatVector av = FloatVector.broadcast(F, a);
        int f = 0;
        for (; f < kv; f += L) {
            FloatVector.fromArray(F, y, yo + f).fma(av, FloatVector.fromArray(F, acc, f)).intoArray(acc, f);
        }
        for (; f < k; f++) {
            acc[f] += a * y[yo + f];
        }
    }
}
