package org.tastemap.core.linalg;

/** The Gram matrix {@code FtF} of a row-major factor table, accumulated in double. */
public final class Gram {
    private Gram() {
    }

    /** Adds {@code sum_r f_r f_r'} over rows {@code [from, to)} to the upper triangle of {@code g} (k x k). */
    public static void accumulateUpper(float[] factors, int origin, int k, int from, int to, double[] g) {
        double[] row = new double[k];
        for (int r = from; r < to; r++) {
            int off = origin + r * k;
            for (int f = 0; f < k; f++) {
                row[f] = factors[off + f];
            }
            for (int f = 0; f < k; f++) {
                double v = row[f];
                int go = f * k;
                for (int h = f; h < k; h++) {
                    g[go + h] += v * row[h];
                }
            }
        }
    }

    /** Copies the upper triangle of {@code g} into its lower triangle. */
    public static void mirror(double[] g, int k) {
        for (int f = 0; f < k; f++) {
            for (int h = 0; h < f; h++) {
                g[f * k + h] = g[h * k + f];
            }
        }
    }

    /** {@code FtF} of all {@code rows} rows of a plain or {@link FactorTables#allocate}d table, single-threaded. */
    public static double[] of(float[] factors, int rows, int k) {
        return of(FactorTable.of(factors, rows, k, "factor table"));
    }

    /** {@code FtF} of all rows of {@code table}, single-threaded. */
    public static double[] of(FactorTable table) {
        int k = table.k();
        double[] g = new double[k * k];
        accumulateUpper(table.data(), table.origin(), k, 0, table.rows(), g);
        mirror(g, k);
        return g;
    }
}
