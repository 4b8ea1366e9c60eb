package org.tastemap.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Assembles one row's normal equations in double precision:
 * {@code A = YtY + Yt(Cu - I)Y + reg I} (full symmetric, k x k row-major) and {@code b = Yt Cu p(u)}.
 * Shared by the exact solver, the explanation of a recommendation and fold-in.
 */
public final class RowSystem {
    private RowSystem() {
    }

    /**
     * Fills {@code a} and {@code b} for the non-zeros {@code cols[from..to)} whose {@code c - 1} are
     * {@code cm1[from..to)}, against the factor table {@code table} (k factors per row, row j for column j).
     */
    public static void assemble(double[] gram, FactorTable table, int[] cols, float[] cm1, int from, int to, double reg,
                                double[] a, double[] b) {
        final int k = table.k();
        final float[] y = table.data();
        final int yOrigin = table.origin();
        // A = YtY + lambda I
        System.arraycopy(gram, 0, a, 0, k * k);
        for (int f = 0; f < k; f++) {
            a[f * k + f] += reg;
            b[f] = 0;
        }
        // A += Yt (Cu - I) Y ;  b = Yt Cu p(u), with p_ui = 1 on the row's non-zeros
        for (int p = from; p < to; p++) {
            int off = yOrigin + cols[p] * k;
            double c1 = cm1[p];
            for (int f = 0; f < k; f++) {
                double yf = y[off + f];
                b[f] += (1.0 + c1) * yf;
                double cy = c1 * yf;
                int rowOff = f * k;
                for (int g = 0; g <= f; g++) {
                    a[rowOff + g] += cy * y[off + g];
                }
            }
        }
        for (int f = 0; f < k; f++) {
            for (int g = 0; g < f; g++) {
                a[g * k + f] = a[f * k + g];
            }
        }
    }

    /**
     * A solver for the symmetric system {@code a}: its Cholesky decomposition, or where {@code a} is
     * only semi-definite (lambda = 0 with too few non-zeros) the pseudo-inverse, whose solution is the
     * minimum-norm least-squares one. Both decompositions work on {@code scratch} (k x k), so
     * {@code a} is left as it was. {@code chol} and {@code pinv} are EJML's, made once per thread.
     *
     * @throws IllegalStateException naming {@code what} when neither decomposition succeeds
     */
    public static LinearSolverDense<DMatrixRMaj> factor(DMatrixRMaj a, DMatrixRMaj scratch, LinearSolverDense<DMatrixRMaj> chol,
                                                        LinearSolverDense<DMatrixRMaj> pinv, String what) {
        // EJML's decompositions overwrite the matrix they are given; setA reports failure, never throws
        scratch.setTo(a);
        if (chol.setA(scratch)) {
            return chol;
        }
        scratch.setTo(a);
        if (pinv.setA(scratch)) {
            return pinv;
        }
        throw new IllegalStateException(what + " could not be solved");
    }
}
