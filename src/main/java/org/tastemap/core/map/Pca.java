package org.tastemap.core.map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The first two principal components of n rows of dimension d (row-major floats): the rows,
 * centred, projected on the two eigenvectors of their covariance with the largest eigenvalues
 * (EJML's symmetric eigen-decomposition). Each eigenvector's sign is fixed so that its largest
 * component (by magnitude, first on ties) is positive, so the same rows always give the same map.
 */
final class Pca {
    private Pca() {
    }

    /** {x[n], y[n]}: the rows' coordinates on the first and second principal component. */
    static float[][] project(float[] rows, int n, int d) {
        double[] mean = new double[d];
        for (int p = 0; p < n; p++) {
            for (int f = 0; f < d; f++) {
                mean[f] += rows[p * d + f];
            }
        }
        for (int f = 0; f < d; f++) {
            mean[f] /= Math.max(1, n);
        }
        // C = 1/n sum_p (r_p - mean)(r_p - mean)^T, upper triangle then mirrored
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        double[] centred = new double[d];
        for (int p = 0; p < n; p++) {
            for (int f = 0; f < d; f++) {
                centred[f] = rows[p * d + f] - mean[f];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                int row = a * d;
                for (int b = a; b < d; b++) {
                    c.data[row + b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double v = c.data[a * d + b] / Math.max(1, n);
                c.data[a * d + b] = v;
                c.data[b * d + a] = v;
            }
        }
        double[][] axes = topTwo(c, d);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int p = 0; p < n; p++) {
            // coordinate = (r_p - mean) . v
            double sx = 0;
            double sy = 0;
            for (int f = 0; f < d; f++) {
                double v = rows[p * d + f] - mean[f];
                sx += v * axes[0][f];
                sy += v * axes[1][f];
            }
            x[p] = (float) sx;
            y[p] = (float) sy;
        }
        return new float[][] {x, y};
    }

    /** The unit eigenvectors of the two largest eigenvalues of the symmetric matrix c (zero when d is 1). */
    private static double[][] topTwo(DMatrixRMaj c, int d) {
        double[][] out = new double[2][d];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(c.copy())) {
            throw new IllegalStateException("the eigen-decomposition of the factor covariance did not converge");
        }
        int first = -1;
        int second = -1;
        for (int e = 0; e < eig.getNumberOfEigenvalues(); e++) {
            double v = eig.getEigenvalue(e).getReal();
            if (first < 0 || v > eig.getEigenvalue(first).getReal()) {
                second = first;
                first = e;
            } else if (second < 0 || v > eig.getEigenvalue(second).getReal()) {
                second = e;
            }
        }
        int[] picks = {first, second};
        for (int a = 0; a < 2; a++) {
            if (picks[a] < 0) {
                continue;
            }
            DMatrixRMaj v = eig.getEigenVector(picks[a]);
            if (v == null) {
                continue;
            }
            double norm = 0;
            int big = 0;
            for (int f = 0; f < d; f++) {
                norm += v.get(f) * v.get(f);
                if (Math.abs(v.get(f)) > Math.abs(v.get(big))) {
                    big = f;
                }
            }
            double sign = v.get(big) < 0 ? -1 : 1;
            double inv = norm > 0 ? sign / Math.sqrt(norm) : 0;
            for (int f = 0; f < d; f++) {
                out[a][f] = v.get(f) * inv;
            }
        }
        return out;
    }
}
