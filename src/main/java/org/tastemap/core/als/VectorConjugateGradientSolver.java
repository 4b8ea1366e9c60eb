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
 * exits, NaN written to x when the first residual is not finite), with the float sums added in
 * another order.
 *
 * <p>The two passes over the row's non-zeros ({@code r = b - A x} once, {@code A p} per step) cost
 * {@code O(k^2 + k nnz)}; for k = 2, 4 or 8 vectors they run the register kernels of
 * {@link VectorCgRegisterKernels}, for any other k the loops below over the workspace arrays, whole
 * vectors first and a scalar tail for the last {@code k mod L} factors. The {@code O(k)} rest of each
 * step works on the arrays. Loaded only when {@link VectorSupport#available()}.
 */
final class VectorConjugateGradientSolver implements RowSolver {
    private final int steps;

    VectorConjugateGradientSolver(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("CG needs at least one step");
        }
        this.steps = steps;
    }

    @Override
    public Object newWorkspace(int k) {
        return new ConjugateGradientSolver.Workspace(k);
    }

    @Override
    public void solve(HalfStep s, int row, Object workspace) {
        final ConjugateGradientSolver.Workspace w = (ConjugateGradientSolver.Workspace) workspace;
        final int k = s.k();
        final float[] x = s.target();
        final int xo = row * k;
        final float[] r = w.r;
        final float[] p = w.p;
        final float[] ap = w.ap;
        final int vectors = k % L == 0 ? k / L : 0;

        // r = b - A x
        if (!VectorCgRegisterKernels.residual(s, row, r, vectors)) {
            residualAny(s, row, r);
        }
        final boolean objective = s.objective() != null;
        boolean haveB = false;
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = dot(r, 0, r, k);
        if (!Float.isFinite(rsOld)) {
            // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
            Arrays.fill(x, xo, xo + k, Float.NaN);
            if (objective) {
                s.objective()[row] = Double.NaN;
            }
            return;
        }
        for (int it = 0; it < steps; it++) {
            if (rsOld < RESIDUAL_EPS) {
                break;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            if (objective && it == 0) {
                // and b = sum_i c_ui y_i for the row objective: in the first product pass, where the row's y_i
                // are mostly in cache already (in the first, cold pass the extra work slowed the loads down)
                if (!VectorCgRegisterKernels.productAndRhs(s, row, p, ap, w.b, vectors)) {
                    productAny(s, row, p, ap, w.b);
                }
                haveB = true;
            } else if (!VectorCgRegisterKernels.product(s, row, p, ap, vectors)) {
                productAny(s, row, p, ap, null);
            }
            final float pAp = dot(p, 0, ap, k);
            if (!(pAp > 0)) {
                break;
            }
            final float a = rsOld / pAp;
            // x += a p ;  r -= a Ap
            axpy(a, p, 0, x, xo, k);
            axpy(-a, ap, 0, r, 0, k);
            final float rsNew = dot(r, 0, r, k);
            // p = r + beta p
            xpby(r, rsNew / rsOld, p, k);
            rsOld = rsNew;
        }
        if (objective) {
            if (!haveB) {
                rightHandSide(s, row, w.b);
            }
            s.objective()[row] = ConjugateGradientSolver.rowObjective(s, row, x, xo, w.b, r);
        }
    }

    /** {@code b = Yt C p(u) = sum_i c_ui y_i} over the row's non-zeros, for a row whose CG stopped before its first step. */
    private static void rightHandSide(HalfStep s, int row, float[] b) {
        final int k = s.k();
        final float[] y = s.fixed();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        Arrays.fill(b, 0, k, 0f);
        for (int q = s.ptr()[row], to = s.ptr()[row + 1]; q < to; q++) {
            axpy(1f + cm1[q], y, cols[q] * k, b, 0, k);
        }
    }

    /** {@code r = b - A x} for any k. */
    private static void residualAny(HalfStep s, int row, float[] r) {
        final int k = s.k();
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int xo = row * k;
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        symmetricProduct(s.gramF(), k, x, xo, (float) s.regularization(row), r, -1f);
        for (int q = s.ptr()[row], to = s.ptr()[row + 1]; q < to; q++) {
            final int yo = cols[q] * k;
            final float c1 = cm1[q];
            axpy((1f + c1) - c1 * dot(y, yo, x, xo, k), y, yo, r, 0, k);
        }
    }

    /** {@code Ap} for any k, and {@code b = sum_i c_ui y_i} into {@code b} unless it is null. */
    private static void productAny(HalfStep s, int row, float[] p, float[] ap, float[] b) {
        final int k = s.k();
        final float[] y = s.fixed();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        symmetricProduct(s.gramF(), k, p, 0, (float) s.regularization(row), ap, 1f);
        if (b != null) {
            Arrays.fill(b, 0, k, 0f);
        }
        for (int q = s.ptr()[row], to = s.ptr()[row + 1]; q < to; q++) {
            final int yo = cols[q] * k;
            axpy(cm1[q] * dot(y, yo, p, 0, k), y, yo, ap, 0, k);
            if (b != null) {
                axpy(1f + cm1[q], y, yo, b, 0, k);
            }
        }
    }

    /**
     * {@code out = sign * (scale v + G v)} for the symmetric k x k matrix G, as broadcast FMAs over
     * G's rows: {@code G v = sum_g v_g G[g, :]}, four vectors of columns at a time so that four FMA
     * chains run side by side.
     */
    private static void symmetricProduct(float[] gram, int k, float[] v, int vo, float scale, float[] out, float sign) {
        final int kv = F.loopBound(k);
        int f = 0;
        for (; f + 4 * L <= kv; f += 4 * L) {
            FloatVector a0 = FloatVector.fromArray(F, v, vo + f).mul(scale);
            FloatVector a1 = FloatVector.fromArray(F, v, vo + f + L).mul(scale);
            FloatVector a2 = FloatVector.fromArray(F, v, vo + f + 2 * L).mul(scale);
            FloatVector a3 = FloatVector.fromArray(F, v, vo + f + 3 * L).mul(scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                final FloatVector b = FloatVector.broadcast(F, v[vo + g]);
                a0 = FloatVector.fromArray(F, gram, go).fma(b, a0);
                a1 = FloatVector.fromArray(F, gram, go + L).fma(b, a1);
                a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, a2);
                a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, a3);
            }
            a0.mul(sign).intoArray(out, f);
            a1.mul(sign).intoArray(out, f + L);
            a2.mul(sign).intoArray(out, f + 2 * L);
            a3.mul(sign).intoArray(out, f + 3 * L);
        }
        for (; f < kv; f += L) {
            FloatVector acc = FloatVector.fromArray(F, v, vo + f).mul(scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc = FloatVector.fromArray(F, gram, go).fma(FloatVector.broadcast(F, v[vo + g]), acc);
            }
            acc.mul(sign).intoArray(out, f);
        }
        for (; f < k; f++) {
            float acc = scale * v[vo + f];
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc += gram[go] * v[vo + g];
            }
            out[f] = sign * acc;
        }
    }

    /** {@code a[ao..ao+k) . b[bo..bo+k)}, in four FMA chains. */
    static float dot(float[] a, int ao, float[] b, int bo, int k) {
        final int kv = F.loopBound(k);
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        int f = 0;
        for (; f + 4 * L <= kv; f += 4 * L) {
            a0 = FloatVector.fromArray(F, a, ao + f).fma(FloatVector.fromArray(F, b, bo + f), a0);
            a1 = FloatVector.fromArray(F, a, ao + f + L).fma(FloatVector.fromArray(F, b, bo + f + L), a1);
            a2 = FloatVector.fromArray(F, a, ao + f + 2 * L).fma(FloatVector.fromArray(F, b, bo + f + 2 * L), a2);
            a3 = FloatVector.fromArray(F, a, ao + f + 3 * L).fma(FloatVector.fromArray(F, b, bo + f + 3 * L), a3);
        }
        for (; f < kv; f += L) {
            a0 = FloatVector.fromArray(F, a, ao + f).fma(FloatVector.fromArray(F, b, bo + f), a0);
        }
        FloatVector acc = a0.add(a1).add(a2.add(a3));
        if (L >= 16) { acc = acc.add(acc.rearrange(SWAP8)); }
        if (L >= 8) { acc = acc.add(acc.rearrange(SWAP4)); }
        if (L >= 4) { acc = acc.add(acc.rearrange(SWAP2)); }
        acc = acc.add(acc.rearrange(SWAP1));
        float sum = acc.lane(0);
        for (; f < k; f++) {
            sum += a[ao + f] * b[bo + f];
        }
        return sum;
    }

    private static float dot(float[] a, int ao, float[] b, int k) {
        return dot(a, ao, b, 0, k);
    }

    /** {@code acc[ao..ao+k) += a * v[vo..vo+k)}. */
    static void axpy(float a, float[] v, int vo, float[] acc, int ao, int k) {
        final int kv = F.loopBound(k);
        final FloatVector av = FloatVector.broadcast(F, a);
        int f = 0;
        for (; f < kv; f += L) {
            FloatVector.fromArray(F, v, vo + f).fma(av, FloatVector.fromArray(F, acc, ao + f)).intoArray(acc, ao + f);
        }
        for (; f < k; f++) {
            acc[ao + f] += a * v[vo + f];
        }
    }

    /** {@code p = r + beta p}. */
    private static void xpby(float[] r, float beta, float[] p, int k) {
        final int kv = F.loopBound(k);
        final FloatVector bv = FloatVector.broadcast(F, beta);
        int f = 0;
        for (; f < kv; f += L) {
            FloatVector.fromArray(F, p, f).fma(bv, FloatVector.fromArray(F, r, f)).intoArray(p, f);
        }
        for (; f < k; f++) {
            p[f] = r[f] + beta * p[f];
        }
    }
}
