package org.tastemap.core.als;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.tastemap.core.linalg.FactorTable;
import org.tastemap.core.linalg.RowSystem;

/**
 * The exact row solve, the reference: it forms the k x k system in double precision and solves it
 * by Cholesky decomposition (EJML). Where the system is only semi-definite (lambda = 0 with too few
 * non-zeros) it falls back to the pseudo-inverse, the minimum-norm least-squares solution.
 */
public final class CholeskySolver implements RowSolver<CholeskySolver.Workspace> {

    /** Per-thread scratch: the system, right-hand side, solution and the two EJML solvers. */
    static final class Workspace {
        final DMatrixRMaj a;
        final DMatrixRMaj b;
        final DMatrixRMaj x;
        /** What the decompositions overwrite, so that {@code a} survives a failed Cholesky. */
        final DMatrixRMaj scratch;
        final LinearSolverDense<DMatrixRMaj> chol;
        final LinearSolverDense<DMatrixRMaj> pinv;

        Workspace(int k) {
            a = new DMatrixRMaj(k, k);
            b = new DMatrixRMaj(k, 1);
            x = new DMatrixRMaj(k, 1);
            scratch = new DMatrixRMaj(k, k);
            chol = LinearSolverFactory_DDRM.chol(k);
            pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        }
    }

    @Override
    public Workspace newWorkspace(int k) {
        return new Workspace(k);
    }

    @Override
    public void solve(HalfStep s, int row, Workspace w) {
        int from = s.ptr()[row];
        int to = s.ptr()[row + 1];
        solveInto(s.gram(), s.fixedTable(), s.cols(), s.cm1(), from, to, s.regularization(row), w, s.target(), s.targetOffset(row));
        if (s.objective() != null) {
            // at the exact solution A x = b: f(x) = x'A x - 2 b.x + sum c = sum c - b.x (rounding x to
            // float moves f only by the second-order term dx' A dx)
            double bx = 0;
            for (int f = 0; f < s.k(); f++) {
                bx += w.b.data[f] * w.x.data[f];
            }
            s.objective()[row] = s.confidenceSum(row) - bx;
        }
    }

    /**
     * Solves {@code (G + Yt(C - I)Y + reg I) x = Yt C p} for the non-zeros {@code cols[from..to)}
     * (row j of the table {@code y}) and writes x to {@code out[outOff..outOff+k)}.
     */
    static void solveInto(double[] gram, FactorTable y, int[] cols, float[] cm1, int from, int to, double reg,
                          Workspace w, float[] out, int outOff) {
        final int k = y.k();
        double[] a = w.a.data;
        double[] b = w.b.data;
        RowSystem.assemble(gram, y, cols, cm1, from, to, reg, a, b);
        // x_u = (YtY + Yt(Cu - I)Y + lambda I)^-1 Yt Cu p(u)
        RowSystem.factor(w.a, w.scratch, w.chol, w.pinv, "row system").solve(w.b, w.x);
        double[] x = w.x.data;
        for (int f = 0; f < k; f++) {
            out[outOff + f] = (float) x[f];
        }
    }
}
