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

    /** Rows solved together by {@link #solveRows} when k has no register kernel, or YtY is too big for L1. */
    static final int BATCH = 4;

    /**
     * From this k on, rows with a register kernel run in lockstep too: YtY is 64 KB at k = 128, more
     * than L1 holds, and reading it from L2 for every row and CG step took 45% of the user half-step
     * (k = 128 at 512 bits: 72 against 40 ns per non-zero without it). At k = 64 (16 KB) it stays in L1.
     */
    static final int LOCKSTEP_MIN_K = 128;

    /**
     * Four rows with register kernels run in lockstep only when their factor rows together take at most
     * this many bytes (2,048 non-zeros at k = 128). Longer rows, most of them popular artists, ran 10%
     * slower in lockstep than alone (k = 128, 1 thread: artist half-step 91 against 83 ns per non-zero).
     */
    static final long LOCKSTEP_L2_BYTES = 1 << 20;

    /** One thread's scratch space: a row workspace per row of a batch, and the batch's bookkeeping. */
    static final class BatchWorkspace {
        final ConjugateGradientSolver.Workspace[] rows = new ConjugateGradientSolver.Workspace[BATCH];
        final float[][] vs = new float[BATCH][];
        final int[] vo = new int[BATCH];
        final float[] scales = new float[BATCH];
        final float[][] outs = new float[BATCH][];
        final float[] rsOld = new float[BATCH];
        final boolean[] running = new boolean[BATCH];
        final boolean[] finite = new boolean[BATCH];
        final boolean[] haveB = new boolean[BATCH];
        final int[] active = new int[BATCH];

        BatchWorkspace(int k) {
            for (int j = 0; j < BATCH; j++) {
                rows[j] = new ConjugateGradientSolver.Workspace(k);
            }
        }
    }

    @Override
    public Object newWorkspace(int k) {
        return new BatchWorkspace(k);
    }

    /**
     * For k = 2 or 4 vectors (and 8 below {@value #LOCKSTEP_MIN_K}), row by row with the register
     * kernels. Otherwise YtY no longer fits in L1 (64 KB at k = 128, 256 KB at k = 256) and streaming it
     * from L2 for every row and CG step costs as much as the non-zeros; so {@value #BATCH} rows run CG in
     * lockstep, sharing each pass over YtY ({@link #symmetricProducts}), and then take their non-zeros
     * with the register kernels that start from those products (8 vectors: k = 128 at 512 bits) or with
     * the two-pass loops (k = 256 at 512 bits, 128 at 256 bits, k not a multiple of the lanes). Every
     * row's arithmetic, early exits included, is exactly that of {@link #solve}.
     */
    @Override
    public void solveRows(HalfStep s, int from, int to, Object workspace) {
        final BatchWorkspace bw = (BatchWorkspace) workspace;
        final int k = s.k();
        final int vectors = k % L == 0 ? k / L : 0;
        if (vectors == 2 || vectors == 4 || (vectors == 8 && k < LOCKSTEP_MIN_K) || k < 4 * L) {
            for (int r = from; r < to; r++) {
                solve(s, r, bw.rows[0]);
            }
            return;
        }
        int r = from;
        final int[] ptr = s.ptr();
        // with the register kernels, only rows whose factor rows fit in L2 together: lockstep visits each
        // row's non-zeros a quarter as often, and long rows then come from L3 each time
        final long registerBatchMax = vectors == 8 ? LOCKSTEP_L2_BYTES / (4L * k) : Long.MAX_VALUE;
        for (; r + BATCH <= to; r += BATCH) {
            if (ptr[r + BATCH] - ptr[r] > registerBatchMax) {
                for (int j = r; j < r + BATCH; j++) {
                    solve(s, j, bw.rows[0]);
                }
            } else {
                solveBatch(s, r, bw, vectors);
            }
        }
        for (; r < to; r++) {
            solve(s, r, bw.rows[0]);
        }
    }

    /**
     * CG on rows {@code first .. first + BATCH - 1} in lockstep, each as {@link #solve} does it. With
     * {@code vectors == 8} the non-zeros take the register kernels that start from the shared YtY
     * products; otherwise the two-pass loops.
     */
    private void solveBatch(HalfStep s, int first, BatchWorkspace bw, int vectors) {
        final int k = s.k();
        final float[] x = s.target();
        final boolean objective = s.objective() != null;
        final ConjugateGradientSolver.Workspace[] w = bw.rows;
        final float[][] vs = bw.vs;
        final int[] vo = bw.vo;
        final float[] scales = bw.scales;
        final float[][] outs = bw.outs;
        final float[] rsOld = bw.rsOld;
        final boolean[] running = bw.running;
        final boolean[] finite = bw.finite;
        final boolean[] haveB = bw.haveB;
        final int[] active = bw.active;
        // r = b - A x: YtY x for the four rows in one pass over YtY, then each row's non-zeros
        for (int j = 0; j < BATCH; j++) {
            vs[j] = x;
            vo[j] = s.targetOffset(first + j);
            scales[j] = (float) s.regularization(first + j);
            outs[j] = w[j].r;
        }
        symmetricProducts(s.gramF(), k, vs, vo, scales, outs, -1f, BATCH);
        for (int j = 0; j < BATCH; j++) {
            final int row = first + j;
            final ConjugateGradientSolver.Workspace wj = w[j];
            if (vectors == 8) {
                VectorCgRegisterKernels.residualRest8(s, row, wj.r);
            } else {
                residualNonZeros(s, row, wj.r, wj);
            }
            System.arraycopy(wj.r, 0, wj.p, 0, k);
            rsOld[j] = dot(wj.r, 0, wj.r, k);
            haveB[j] = false;
            finite[j] = Float.isFinite(rsOld[j]);
            running[j] = finite[j];
            if (!finite[j]) {
                // overflowed confidences or factors: make it visible, so the trainer stops and keeps the last finite model
                Arrays.fill(x, s.targetOffset(row), s.targetOffset(row) + k, Float.NaN);
                if (objective) {
                    s.objective()[row] = Double.NaN;
                }
            }
        }
        for (int it = 0; it < steps; it++) {
            int n = 0;
            for (int j = 0; j < BATCH; j++) {
                if (running[j] && rsOld[j] < RESIDUAL_EPS) {
                    running[j] = false;
                }
                if (running[j]) {
                    vs[n] = w[j].p;
                    vo[n] = 0;
                    scales[n] = (float) s.regularization(first + j);
                    outs[n] = w[j].ap;
                    active[n++] = j;
                }
            }
            if (n == 0) {
                break;
            }
            // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
            symmetricProducts(s.gramF(), k, vs, vo, scales, outs, 1f, n);
            for (int a = 0; a < n; a++) {
                final int j = active[a];
                final int row = first + j;
                final ConjugateGradientSolver.Workspace wj = w[j];
                final boolean withB = objective && it == 0;
                if (vectors != 8) {
                    productNonZeros(s, row, wj.p, wj.ap, withB ? wj.b : null, wj);
                } else if (withB) {
                    VectorCgRegisterKernels.productAndRhsRest8(s, row, wj.p, wj.ap, wj.b);
                } else {
                    VectorCgRegisterKernels.productRest8(s, row, wj.p, wj.ap);
                }
                haveB[j] |= withB;
                final float pAp = dot(wj.p, 0, wj.ap, k);
                if (!(pAp > 0)) {
                    running[j] = false;
                    continue;
                }
                final float alpha = rsOld[j] / pAp;
                axpy(alpha, wj.p, 0, x, s.targetOffset(row), k);
                axpy(-alpha, wj.ap, 0, wj.r, 0, k);
                final float rsNew = dot(wj.r, 0, wj.r, k);
                xpby(wj.r, rsNew / rsOld[j], wj.p, k);
                rsOld[j] = rsNew;
            }
        }
        if (objective) {
            for (int j = 0; j < BATCH; j++) {
                final int row = first + j;
                if (!finite[j]) {
                    continue;
                }
                if (!haveB[j]) {
                    rightHandSide(s, row, w[j].b);
                }
                s.objective()[row] = ConjugateGradientSolver.rowObjective(s, row, x, s.targetOffset(row), w[j].b, w[j].r);
            }
        }
    }

    @Override
    public void solve(HalfStep s, int row, Object workspace) {
        final ConjugateGradientSolver.Workspace w = workspace instanceof BatchWorkspace b
                ? b.rows[0] : (ConjugateGradientSolver.Workspace) workspace;
        final int k = s.k();
        final float[] x = s.target();
        final int xo = s.targetOffset(row);
        final float[] r = w.r;
        final float[] p = w.p;
        final float[] ap = w.ap;
        final int vectors = k % L == 0 ? k / L : 0;

        // r = b - A x
        if (!VectorCgRegisterKernels.residual(s, row, r, vectors)) {
            residualAny(s, row, r, w);
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
                    productAny(s, row, p, ap, w.b, w);
                }
                haveB = true;
            } else if (!VectorCgRegisterKernels.product(s, row, p, ap, vectors)) {
                productAny(s, row, p, ap, null, w);
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
            axpy(1f + cm1[q], y, s.fixedOrigin() + cols[q] * k, b, 0, k);
        }
    }

    /**
     * {@code r = b - A x} for any k without a register kernel: first every non-zero's coefficient
     * {@code c_ui - (c_ui - 1)(y_i . x)}, then {@code r += sum_i coef_i y_i} in slices of eight vectors
     * held in registers ({@link #accumulate}). Too wide a row for registers (k = 256 at 512 bits is 16
     * vectors for r alone) would otherwise load and store r for every non-zero.
     */
    private static void residualAny(HalfStep s, int row, float[] r, ConjugateGradientSolver.Workspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int xo = s.targetOffset(row);
        // r = -(YtY + lambda I) x + sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i
        symmetricProduct(s.gramF(), k, x, xo, (float) s.regularization(row), r, -1f);
        residualNonZeros(s, row, r, w);
    }

    /** {@code r += sum_i (c_ui - (c_ui - 1)(y_i . x)) y_i}, the non-zeros' part of {@link #residualAny}. */
    private static void residualNonZeros(HalfStep s, int row, float[] r, ConjugateGradientSolver.Workspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final float[] x = s.target();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int xo = s.targetOffset(row);
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] coef = w.coef(to - from);
        dots(y, s.fixedOrigin(), cols, from, to, x, xo, k, coef);
        for (int q = from; q < to; q++) {
            final float c1 = cm1[q];
            coef[q - from] = (1f + c1) - c1 * coef[q - from];
        }
        accumulate(y, s.fixedOrigin(), cols, from, to, coef, r, k);
    }

    /** {@code Ap} for any k without a register kernel, in two passes as {@link #residualAny}, and {@code b = sum_i c_ui y_i} into {@code b} unless it is null. */
    private static void productAny(HalfStep s, int row, float[] p, float[] ap, float[] b, ConjugateGradientSolver.Workspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        // Ap = (YtY + lambda I) p + sum_i (c_ui - 1)(y_i . p) y_i
        symmetricProduct(s.gramF(), k, p, 0, (float) s.regularization(row), ap, 1f);
        productNonZeros(s, row, p, ap, b, w);
    }

    /** {@code Ap += sum_i (c_ui - 1)(y_i . p) y_i}, and b, the non-zeros' part of {@link #productAny}. */
    private static void productNonZeros(HalfStep s, int row, float[] p, float[] ap, float[] b, ConjugateGradientSolver.Workspace w) {
        final int k = s.k();
        final float[] y = s.fixed();
        final int[] cols = s.cols();
        final float[] cm1 = s.cm1();
        final int from = s.ptr()[row];
        final int to = s.ptr()[row + 1];
        final float[] coef = w.coef(to - from);
        dots(y, s.fixedOrigin(), cols, from, to, p, 0, k, coef);
        for (int q = from; q < to; q++) {
            coef[q - from] *= cm1[q];
        }
        accumulate(y, s.fixedOrigin(), cols, from, to, coef, ap, k);
        if (b != null) {
            Arrays.fill(b, 0, k, 0f);
            for (int q = from; q < to; q++) {
                coef[q - from] = 1f + cm1[q];
            }
            accumulate(y, s.fixedOrigin(), cols, from, to, coef, b, k);
        }
    }

    /** {@code out[q - from] = y_{cols[q]} . v[vo..vo+k)} for the row's non-zeros; v held in registers when k is 16 vectors. */
    private static void dots(float[] y, int yb, int[] cols, int from, int to, float[] v, int vo, int k, float[] out) {
        if (k == 16 * L) {
            dots16(y, yb, cols, from, to, v, vo, out);
        } else {
            for (int q = from; q < to; q++) {
                out[q - from] = dot(y, yb + cols[q] * k, v, vo, k);
            }
        }
    }

    /** {@link #dots} for k = 16 vectors: the 16 vectors of v in registers, four FMA chains, the pairwise lane sum. */
    private static void dots16(float[] y, int yb, int[] cols, int from, int to, float[] v, int vo, float[] out) {
        final int k = 16 * L;
        final FloatVector v0 = FloatVector.fromArray(F, v, vo);
        final FloatVector v1 = FloatVector.fromArray(F, v, vo + L);
        final FloatVector v2 = FloatVector.fromArray(F, v, vo + 2 * L);
        final FloatVector v3 = FloatVector.fromArray(F, v, vo + 3 * L);
        final FloatVector v4 = FloatVector.fromArray(F, v, vo + 4 * L);
        final FloatVector v5 = FloatVector.fromArray(F, v, vo + 5 * L);
        final FloatVector v6 = FloatVector.fromArray(F, v, vo + 6 * L);
        final FloatVector v7 = FloatVector.fromArray(F, v, vo + 7 * L);
        final FloatVector v8 = FloatVector.fromArray(F, v, vo + 8 * L);
        final FloatVector v9 = FloatVector.fromArray(F, v, vo + 9 * L);
        final FloatVector v10 = FloatVector.fromArray(F, v, vo + 10 * L);
        final FloatVector v11 = FloatVector.fromArray(F, v, vo + 11 * L);
        final FloatVector v12 = FloatVector.fromArray(F, v, vo + 12 * L);
        final FloatVector v13 = FloatVector.fromArray(F, v, vo + 13 * L);
        final FloatVector v14 = FloatVector.fromArray(F, v, vo + 14 * L);
        final FloatVector v15 = FloatVector.fromArray(F, v, vo + 15 * L);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k;
            FloatVector d0 = FloatVector.fromArray(F, y, yo).mul(v0);
            FloatVector d1 = FloatVector.fromArray(F, y, yo + L).mul(v1);
            FloatVector d2 = FloatVector.fromArray(F, y, yo + 2 * L).mul(v2);
            FloatVector d3 = FloatVector.fromArray(F, y, yo + 3 * L).mul(v3);
            d0 = FloatVector.fromArray(F, y, yo + 4 * L).fma(v4, d0);
            d1 = FloatVector.fromArray(F, y, yo + 5 * L).fma(v5, d1);
            d2 = FloatVector.fromArray(F, y, yo + 6 * L).fma(v6, d2);
            d3 = FloatVector.fromArray(F, y, yo + 7 * L).fma(v7, d3);
            d0 = FloatVector.fromArray(F, y, yo + 8 * L).fma(v8, d0);
            d1 = FloatVector.fromArray(F, y, yo + 9 * L).fma(v9, d1);
            d2 = FloatVector.fromArray(F, y, yo + 10 * L).fma(v10, d2);
            d3 = FloatVector.fromArray(F, y, yo + 11 * L).fma(v11, d3);
            d0 = FloatVector.fromArray(F, y, yo + 12 * L).fma(v12, d0);
            d1 = FloatVector.fromArray(F, y, yo + 13 * L).fma(v13, d1);
            d2 = FloatVector.fromArray(F, y, yo + 14 * L).fma(v14, d2);
            d3 = FloatVector.fromArray(F, y, yo + 15 * L).fma(v15, d3);
            d0 = d0.add(d1);
            d2 = d2.add(d3);
            d0 = d0.add(d2);
            if (L >= 16) { d0 = d0.add(d0.rearrange(SWAP8)); }
            if (L >= 8) { d0 = d0.add(d0.rearrange(SWAP4)); }
            if (L >= 4) { d0 = d0.add(d0.rearrange(SWAP2)); }
            d0 = d0.add(d0.rearrange(SWAP1));
            out[q - from] = d0.lane(0);
        }
    }

    /** {@code out[0..k) += sum_q coef[q - from] y_{cols[q]}}: eight vectors of out at a time in registers, then the rest. */
    private static void accumulate(float[] y, int yb, int[] cols, int from, int to, float[] coef, float[] out, int k) {
        int f = 0;
        for (; f + 8 * L <= k; f += 8 * L) {
            accumulate8(y, yb, cols, from, to, coef, out, k, f);
        }
        if (f < k) {
            for (int q = from; q < to; q++) {
                final int yo = yb + cols[q] * k;
                final float c = coef[q - from];
                int g = f;
                for (; g + L <= k; g += L) {
                    FloatVector.fromArray(F, y, yo + g).fma(FloatVector.broadcast(F, c), FloatVector.fromArray(F, out, g)).intoArray(out, g);
                }
                for (; g < k; g++) {
                    out[g] += c * y[yo + g];
                }
            }
        }
    }

    /** {@code out[f..f+8L) += sum_q coef[q - from] y_{cols[q]}[f..f+8L)}, with that slice of out in eight registers. */
    private static void accumulate8(float[] y, int yb, int[] cols, int from, int to, float[] coef, float[] out, int k, int f) {
        FloatVector a0 = FloatVector.fromArray(F, out, f);
        FloatVector a1 = FloatVector.fromArray(F, out, f + L);
        FloatVector a2 = FloatVector.fromArray(F, out, f + 2 * L);
        FloatVector a3 = FloatVector.fromArray(F, out, f + 3 * L);
        FloatVector a4 = FloatVector.fromArray(F, out, f + 4 * L);
        FloatVector a5 = FloatVector.fromArray(F, out, f + 5 * L);
        FloatVector a6 = FloatVector.fromArray(F, out, f + 6 * L);
        FloatVector a7 = FloatVector.fromArray(F, out, f + 7 * L);
        for (int q = from; q < to; q++) {
            final int yo = yb + cols[q] * k + f;
            final FloatVector c = FloatVector.broadcast(F, coef[q - from]);
            a0 = FloatVector.fromArray(F, y, yo).fma(c, a0);
            a1 = FloatVector.fromArray(F, y, yo + L).fma(c, a1);
            a2 = FloatVector.fromArray(F, y, yo + 2 * L).fma(c, a2);
            a3 = FloatVector.fromArray(F, y, yo + 3 * L).fma(c, a3);
            a4 = FloatVector.fromArray(F, y, yo + 4 * L).fma(c, a4);
            a5 = FloatVector.fromArray(F, y, yo + 5 * L).fma(c, a5);
            a6 = FloatVector.fromArray(F, y, yo + 6 * L).fma(c, a6);
            a7 = FloatVector.fromArray(F, y, yo + 7 * L).fma(c, a7);
        }
        a0.intoArray(out, f);
        a1.intoArray(out, f + L);
        a2.intoArray(out, f + 2 * L);
        a3.intoArray(out, f + 3 * L);
        a4.intoArray(out, f + 4 * L);
        a5.intoArray(out, f + 5 * L);
        a6.intoArray(out, f + 6 * L);
        a7.intoArray(out, f + 7 * L);
    }

    /**
     * {@link #symmetricProduct} for n vectors at once ({@code outs[j] = sign * (scales[j] vs[j][vo[j]..] + G vs[j][vo[j]..])}):
     * for four of them, each block of four vectors of G's rows is loaded once and used for all four, so
     * G streams from L2 once instead of four times. Each output is the same FMA chain as in
     * {@link #symmetricProduct}, bit for bit.
     */
    private static void symmetricProducts(float[] gram, int k, float[][] vs, int[] vo, float[] scales, float[][] outs, float sign, int n) {
        if (n != 4) {
            for (int j = 0; j < n; j++) {
                symmetricProduct(gram, k, vs[j], vo[j], scales[j], outs[j], sign);
            }
            return;
        }
        final int kv = F.loopBound(k);
        final float[] v0 = vs[0];
        final float[] v1 = vs[1];
        final float[] v2 = vs[2];
        final float[] v3 = vs[3];
        final int o0 = vo[0];
        final int o1 = vo[1];
        final int o2 = vo[2];
        final int o3 = vo[3];
        int f = 0;
        for (; f + 4 * L <= kv; f += 4 * L) {
            FloatVector a00 = FloatVector.fromArray(F, v0, o0 + f).mul(sign * scales[0]);
            FloatVector a01 = FloatVector.fromArray(F, v0, o0 + f + L).mul(sign * scales[0]);
            FloatVector a02 = FloatVector.fromArray(F, v0, o0 + f + 2 * L).mul(sign * scales[0]);
            FloatVector a03 = FloatVector.fromArray(F, v0, o0 + f + 3 * L).mul(sign * scales[0]);
            FloatVector a10 = FloatVector.fromArray(F, v1, o1 + f).mul(sign * scales[1]);
            FloatVector a11 = FloatVector.fromArray(F, v1, o1 + f + L).mul(sign * scales[1]);
            FloatVector a12 = FloatVector.fromArray(F, v1, o1 + f + 2 * L).mul(sign * scales[1]);
            FloatVector a13 = FloatVector.fromArray(F, v1, o1 + f + 3 * L).mul(sign * scales[1]);
            FloatVector a20 = FloatVector.fromArray(F, v2, o2 + f).mul(sign * scales[2]);
            FloatVector a21 = FloatVector.fromArray(F, v2, o2 + f + L).mul(sign * scales[2]);
            FloatVector a22 = FloatVector.fromArray(F, v2, o2 + f + 2 * L).mul(sign * scales[2]);
            FloatVector a23 = FloatVector.fromArray(F, v2, o2 + f + 3 * L).mul(sign * scales[2]);
            FloatVector a30 = FloatVector.fromArray(F, v3, o3 + f).mul(sign * scales[3]);
            FloatVector a31 = FloatVector.fromArray(F, v3, o3 + f + L).mul(sign * scales[3]);
            FloatVector a32 = FloatVector.fromArray(F, v3, o3 + f + 2 * L).mul(sign * scales[3]);
            FloatVector a33 = FloatVector.fromArray(F, v3, o3 + f + 3 * L).mul(sign * scales[3]);
            for (int g = 0, go = f; g < k; g++, go += k) {
                final FloatVector g0 = FloatVector.fromArray(F, gram, go);
                final FloatVector g1 = FloatVector.fromArray(F, gram, go + L);
                final FloatVector g2 = FloatVector.fromArray(F, gram, go + 2 * L);
                final FloatVector g3 = FloatVector.fromArray(F, gram, go + 3 * L);
                final FloatVector b0 = FloatVector.broadcast(F, sign * v0[o0 + g]);
                a00 = g0.fma(b0, a00);
                a01 = g1.fma(b0, a01);
                a02 = g2.fma(b0, a02);
                a03 = g3.fma(b0, a03);
                final FloatVector b1 = FloatVector.broadcast(F, sign * v1[o1 + g]);
                a10 = g0.fma(b1, a10);
                a11 = g1.fma(b1, a11);
                a12 = g2.fma(b1, a12);
                a13 = g3.fma(b1, a13);
                final FloatVector b2 = FloatVector.broadcast(F, sign * v2[o2 + g]);
                a20 = g0.fma(b2, a20);
                a21 = g1.fma(b2, a21);
                a22 = g2.fma(b2, a22);
                a23 = g3.fma(b2, a23);
                final FloatVector b3 = FloatVector.broadcast(F, sign * v3[o3 + g]);
                a30 = g0.fma(b3, a30);
                a31 = g1.fma(b3, a31);
                a32 = g2.fma(b3, a32);
                a33 = g3.fma(b3, a33);
            }
            a00.intoArray(outs[0], f);
            a01.intoArray(outs[0], f + L);
            a02.intoArray(outs[0], f + 2 * L);
            a03.intoArray(outs[0], f + 3 * L);
            a10.intoArray(outs[1], f);
            a11.intoArray(outs[1], f + L);
            a12.intoArray(outs[1], f + 2 * L);
            a13.intoArray(outs[1], f + 3 * L);
            a20.intoArray(outs[2], f);
            a21.intoArray(outs[2], f + L);
            a22.intoArray(outs[2], f + 2 * L);
            a23.intoArray(outs[2], f + 3 * L);
            a30.intoArray(outs[3], f);
            a31.intoArray(outs[3], f + L);
            a32.intoArray(outs[3], f + 2 * L);
            a33.intoArray(outs[3], f + 3 * L);
        }
        if (f < k) {
            for (int j = 0; j < 4; j++) {
                symmetricProductFrom(gram, k, vs[j], vo[j], scales[j], outs[j], sign, f);
            }
        }
    }

    /**
     * {@code out = sign * (scale v + G v)} for the symmetric k x k matrix G, as broadcast FMAs over
     * G's rows: {@code G v = sum_g v_g G[g, :]}, four vectors of columns at a time so that four FMA
     * chains run side by side. The sign goes into the start and every broadcast, not onto the sum, so
     * that the result is bitwise what the register kernels compute (a final negation would turn an
     * exact +0 into -0 where they keep +0).
     */
    private static void symmetricProduct(float[] gram, int k, float[] v, int vo, float scale, float[] out, float sign) {
        symmetricProductFrom(gram, k, v, vo, scale, out, sign, 0);
    }

    /** {@link #symmetricProduct} for the output columns from {@code start} (a multiple of 4 L) on. */
    private static void symmetricProductFrom(float[] gram, int k, float[] v, int vo, float scale, float[] out, float sign, int start) {
        final int kv = F.loopBound(k);
        int f = start;
        for (; f + 4 * L <= kv; f += 4 * L) {
            FloatVector a0 = FloatVector.fromArray(F, v, vo + f).mul(sign * scale);
            FloatVector a1 = FloatVector.fromArray(F, v, vo + f + L).mul(sign * scale);
            FloatVector a2 = FloatVector.fromArray(F, v, vo + f + 2 * L).mul(sign * scale);
            FloatVector a3 = FloatVector.fromArray(F, v, vo + f + 3 * L).mul(sign * scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                final FloatVector b = FloatVector.broadcast(F, sign * v[vo + g]);
                a0 = FloatVector.fromArray(F, gram, go).fma(b, a0);
                a1 = FloatVector.fromArray(F, gram, go + L).fma(b, a1);
                a2 = FloatVector.fromArray(F, gram, go + 2 * L).fma(b, a2);
                a3 = FloatVector.fromArray(F, gram, go + 3 * L).fma(b, a3);
            }
            a0.intoArray(out, f);
            a1.intoArray(out, f + L);
            a2.intoArray(out, f + 2 * L);
            a3.intoArray(out, f + 3 * L);
        }
        for (; f < kv; f += L) {
            FloatVector acc = FloatVector.fromArray(F, v, vo + f).mul(sign * scale);
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc = FloatVector.fromArray(F, gram, go).fma(FloatVector.broadcast(F, sign * v[vo + g]), acc);
            }
            acc.intoArray(out, f);
        }
        for (; f < k; f++) {
            float acc = sign * scale * v[vo + f];
            for (int g = 0, go = f; g < k; g++, go += k) {
                acc += gram[go] * (sign * v[vo + g]);
            }
            out[f] = acc;
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
