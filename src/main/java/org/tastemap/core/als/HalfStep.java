package org.tastemap.core.als;

/**
 * One half of an ALS iteration: solve every row of {@code target} (users, or artists) against the
 * fixed factors {@code fixed} (artists, or users). Row r's non-zeros are
 * {@code cols[ptr[r]..ptr[r+1])} with {@code c - 1} in {@code cm1} at the same positions.
 *
 * @param gram     {@code YtY} of the fixed side, k x k row-major, without lambda
 * @param gramF    the same in float, for the CG kernels
 * @param lambda   regularisation weight
 * @param scaled   ALS-WR: the row's regularisation is {@code lambda * (number of non-zeros in the row)}
 */
public record HalfStep(int k, float[] fixed, float[] target, int rows, int[] ptr, int[] cols, float[] cm1,
                       double[] gram, float[] gramF, double lambda, boolean scaled) {

    /** The regularisation of row r: lambda, or lambda times its non-zeros under ALS-WR. */
    public double regularization(int row) {
        return scaled ? lambda * (ptr[row + 1] - ptr[row]) : lambda;
    }
}
