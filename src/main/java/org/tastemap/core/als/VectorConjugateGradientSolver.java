package org.tastemap.core.als;

import static org.tastemap.core.als.CgMath.RESIDUAL_EPS;
import static org.tastemap.core.als.VectorBlas.axpy;
import static org.tastemap.core.als.VectorBlas.dot;
import static org.tastemap.core.als.VectorBlas.xpby;
import static org.tastemap.core.als.VectorWideCgKernels.productAny;
import static org.tastemap.core.als.VectorWideCgKernels.productNonZeros;
import static org.tastemap.core.als.VectorWideCgKernels.residualAny;
import static org.tastemap.core.als.VectorWideCgKernels.residualNonZeros;
import static org.tastemap.core.als.VectorWideCgKernels.symmetricProducts;
import static org.tastemap.core.linalg.VectorLanes.L;

import java.util.Arrays;
import org.tastemap.core.linalg.VectorSupport;

/**
 * {@link ConjugateGradientSolver}'s row solve with the Vector API: the same math (a fixed number of
 * CG steps on {@code (YtY + Yt(Cu - I)Y + lambda I) x = Yt Cu p(u)} from the current x, the same early
 * exits, NaN written to x when the first residual is not finite), with the float sums added in
 * another order.
 *
 * <p>The two passes over the row's non-zeros ({@code r = b - A x} once, {@code A p} per step) cost
 * {@code O(k^2 + k nnz)}; for k = 2, 4 or 8 vectors they run the register kernels of
 * {@link VectorCgRegisterKernels}, for any other k the two-pass loops of {@link VectorWideCgKernels}
 * over the workspace arrays. The {@code O(k)} rest of each
 * step works on the arrays ({@link VectorBlas}). Loaded only when {@link VectorSupport#available()}.
 */
final class VectorConjugateGradientSolver implements RowSolver<VectorConjugateGradientSolver.BatchWorkspace> {
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
     * than L1 holds, and reading it from L2 for every row and CG step took nearly half of the user
     * half-step (docs/performance.md, "Measured constants"). At k = 64 (16 KB) it stays in L1.
     */
    static final int LOCKSTEP_MIN_K = 128;

    /**
     * Four rows with register kernels run in lockstep only when their factor rows together take at most
     * this many bytes (2,048 non-zeros at k = 128). Longer rows, most of them popular artists, ran 10%
     * slower in lockstep than alone (docs/performance.md, "Measured constants").
     */
    static final long LOCKSTEP_L2_BYTES = 1 << 20;

    /** One thread's scratch space: a row workspace per row of a batch, and the batch's bookkeeping. */
    static final class BatchWorkspace {
        final CgWorkspace[] rows = new CgWorkspace[BATCH];
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
                rows[j] = new CgWorkspace(k);
            }
        }
    }

    @Override
    public BatchWorkspace newWorkspace(int k) {
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
    public void solveRows(HalfStep s, int from, int to, BatchWorkspace bw) {
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
        final CgWorkspace[] w = bw.rows;
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
            final CgWorkspace wj = w[j];
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
                final CgWorkspace wj = w[j];
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
                s.objective()[row] = CgMath.rowObjective(s, row, x, s.targetOffset(row), w[j].b, w[j].r);
            }
        }
    }

    @Override
    public void solve(HalfStep s, int row, BatchWorkspace workspace) {
        solve(s, row, workspace.rows[0]);
    }

    /** {@link #solve} with one row's workspace. */
    private void solve(HalfStep s, int row, CgWorkspace w) {
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
            s.objective()[row] = CgMath.rowObjective(s, row, x, xo, w.b, r);
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
}
