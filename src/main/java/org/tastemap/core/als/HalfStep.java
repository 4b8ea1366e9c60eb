package org.tastemap.core.als;

import org.tastemap.core.linalg.FactorTable;

/**
 * One half of an ALS iteration: solve every row of {@code target} (users, or artists) against the
 * fixed factors {@code fixed} (artists, or users). Row r's non-zeros are
 * {@code cols[ptr[r]..ptr[r+1])} with {@code c - 1} in {@code cm1} at the same positions.
 *
 * @param gram      {@code YtY} of the fixed side, k x k row-major, without lambda
 * @param gramF     the same in float, for the CG kernels
 * @param lambda    regularisation weight
 * @param scaled    ALS-WR: the row's regularisation is {@code lambda * (number of non-zeros in the row)}
 * @param objective null, or where each row solve writes its row's objective at the row's new value x:
 *                  <pre>
 *                  f_r(x) = sum over ALL columns j of c_rj (p_rj - x . y_j)^2 + reg_r |x|^2
 *                         = x' A x - 2 b . x + sum_{j in r} c_rj
 *                  </pre>
 *                  with {@code A = YtY + Yt(C - I)Y + reg I} and {@code b = Yt C p(r)} (NaN when the
 *                  solve wrote NaN). The full loss is the sum over the rows plus the fixed side's
 *                  regularisation.
 * @param fixedTable  the fixed side's factors (artists, or users)
 * @param targetTable the solved side's factors, written in place; its rows are the half-step's rows
 */
public record HalfStep(int k, FactorTable fixedTable, FactorTable targetTable, int[] ptr, int[] cols, float[] cm1,
                       double[] gram, float[] gramF, double lambda, boolean scaled, double[] objective) {

    public HalfStep {
        if (fixedTable.k() != k || targetTable.k() != k || ptr.length < targetTable.rows() + 1) {
            throw new IllegalArgumentException("half-step over " + targetTable.rows() + " rows of " + k + " factors: fixed table of "
                    + fixedTable.rows() + " x " + fixedTable.k() + ", target of " + targetTable.rows() + " x " + targetTable.k()
                    + ", " + ptr.length + " row pointers");
        }
    }

    /** A half-step over plain tables (origin 0). */
    public HalfStep(int k, float[] fixed, float[] target, int rows, int[] ptr, int[] cols, float[] cm1,
                    double[] gram, float[] gramF, double lambda, boolean scaled, double[] objective) {
        this(k, FactorTable.plain(fixed, fixed.length / k, k), FactorTable.plain(target, rows, k), ptr, cols, cm1, gram, gramF,
                lambda, scaled, objective);
    }

    /** A half-step over plain tables that does not ask for the row objectives. */
    public HalfStep(int k, float[] fixed, float[] target, int rows, int[] ptr, int[] cols, float[] cm1,
                    double[] gram, float[] gramF, double lambda, boolean scaled) {
        this(k, fixed, target, rows, ptr, cols, cm1, gram, gramF, lambda, scaled, null);
    }

    /** The rows solved. */
    public int rows() {
        return targetTable.rows();
    }

    /** The fixed side's floats; row j starts at {@code fixedOrigin() + j k}. */
    public float[] fixed() {
        return fixedTable.data();
    }

    /** Where row 0 of {@link #fixed()} starts. */
    public int fixedOrigin() {
        return fixedTable.origin();
    }

    /** The solved side's floats; row r starts at {@link #targetOffset}. */
    public float[] target() {
        return targetTable.data();
    }

    /** Where row r of the target table starts. */
    int targetOffset(int row) {
        return targetTable.offset(row);
    }

    /** The regularisation of row r: lambda, or lambda times its non-zeros under ALS-WR. */
    public double regularization(int row) {
        return scaled ? lambda * (ptr[row + 1] - ptr[row]) : lambda;
    }

    /** {@code sum_{j in r} c_rj}, the constant of row r's objective. */
    double confidenceSum(int row) {
        double sum = 0;
        for (int q = ptr[row]; q < ptr[row + 1]; q++) {
            sum += 1.0 + cm1[q];
        }
        return sum;
    }
}
