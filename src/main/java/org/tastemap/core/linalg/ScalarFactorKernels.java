package org.tastemap.core.linalg;

/** {@link FactorKernels} in plain loops, in double: the reference the vector kernels are tested against. */
final class ScalarFactorKernels implements FactorKernels {
    static final ScalarFactorKernels INSTANCE = new ScalarFactorKernels();

    private ScalarFactorKernels() {
    }

    @Override
    public void gramUpper(FactorTable table, int from, int to, double[] g) {
        Gram.accumulateUpper(table.data(), table.origin(), table.k(), from, to, g);
    }

    @Override
    public double storedCells(FactorTable xt, FactorTable yt, int[] ptr, int[] cols, float[] cm1, int from, int to) {
        final float[] x = xt.data();
        final float[] y = yt.data();
        final int xOrigin = xt.origin();
        final int yOrigin = yt.origin();
        final int k = xt.k();
        double sum = 0;
        for (int u = from; u < to; u++) {
            int xo = xOrigin + u * k;
            for (int q = ptr[u]; q < ptr[u + 1]; q++) {
                int yo = yOrigin + cols[q] * k;
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += (double) x[xo + f] * y[yo + f];
                }
                double c = 1.0 + cm1[q];
                // c_ui (1 - s)^2 replaces the (x_u . y_i)^2 that the YtY term counted with confidence 1
                sum += c * (1 - s) * (1 - s) - s * s;
            }
        }
        return sum;
    }
}
