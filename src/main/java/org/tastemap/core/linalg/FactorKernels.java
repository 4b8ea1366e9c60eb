package org.tastemap.core.linalg;

/**
 * The kernels over whole factor tables that the engine runs besides the row solves: the Gram
 * matrix and the stored-cell terms of the loss. A scalar implementation always exists; a vector one
 * ({@code VectorFactorKernels}) when {@link VectorSupport#available()}. Both are tested against each
 * other.
 */
public interface FactorKernels {

    /**
     * Adds {@code sum_r f_r f_r'} over rows {@code [from, to)} to the upper triangle of {@code g}
     * (k x k, row-major) for the rows of {@code table}. Entries below the diagonal may receive the same
     * sums too; {@link Gram#mirror} overwrites them.
     */
    void gramUpper(FactorTable table, int from, int to, double[] g);

    /**
     * The stored cells' part of the loss for users {@code [from, to)}:
     * {@code sum_u sum_{i in u} ( c_ui (1 - s)^2 - s^2 )} with {@code s = x_u . y_i} and
     * {@code c_ui = 1 + cm1} (the loss of the ALS engine), for the user table {@code x} and the artist
     * table {@code y} (same k).
     */
    double storedCells(FactorTable x, FactorTable y, int[] ptr, int[] cols, float[] cm1, int from, int to);

    /** The vector kernels when the Vector API is present, else the scalar ones. */
    static FactorKernels fastest() {
        return VectorSupport.available() ? VectorSupport.newVectorFactorKernels() : scalar();
    }

    /** The scalar kernels, whatever the JVM offers. */
    static FactorKernels scalar() {
        return ScalarFactorKernels.INSTANCE;
    }
}
