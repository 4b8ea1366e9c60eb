package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tastemap.core.linalg.Gram;

/**
 * The row solvers against a dense brute-force solve: for a random fixed-side table Y and a random
 * row, the system A = YtY + Yt(C - I)Y + lambda I is formed densely over ALL columns (c = 1 on
 * unplayed cells) and solved by EJML's general LU ({@code CommonOps_DDRM.solve}); that is the
 * expected x. A is SPD by construction.
 */
class SolverAgreementTest {

    /** A random system: m fixed rows of k factors, a row with nnz non-zeros. */
    private record Case(int k, float[] y, int m, int[] cols, float[] cm1, double lambda, double[] expected) {
    }

    private static Case randomCase(int k, int m, int nnz, double lambda, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[m * k];
        for (int q = 0; q < y.length; q++) {
            y[q] = (float) (rnd.nextDouble() - 0.5);
        }
        int[] cols = rnd.ints(0, m).distinct().limit(nnz).sorted().toArray();
        float[] cm1 = new float[cols.length];
        for (int p = 0; p < cm1.length; p++) {
            cm1[p] = (float) (rnd.nextDouble() * 20);
        }
        // dense brute force over every column: A = sum_i c_i y_i y_i' + lambda I, b = sum_i c_i p_i y_i
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        for (int i = 0; i < m; i++) {
            int p = java.util.Arrays.binarySearch(cols, i);
            double c = p >= 0 ? 1 + cm1[p] : 1;
            double pref = p >= 0 ? 1 : 0;
            for (int f = 0; f < k; f++) {
                b.data[f] += c * pref * y[i * k + f];
                for (int g = 0; g < k; g++) {
                    a.data[f * k + g] += c * y[i * k + f] * y[i * k + g];
                }
            }
        }
        for (int f = 0; f < k; f++) {
            a.data[f * k + f] += lambda;
        }
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, x));
        return new Case(k, y, m, cols, cm1, lambda, x.data);
    }

    private static float[] solve(Case c, RowSolver solver, float[] start) {
        float[] target = start.clone();
        double[] gram = Gram.of(c.y, c.m, c.k);
        float[] gramF = new float[gram.length];
        for (int q = 0; q < gram.length; q++) {
            gramF[q] = (float) gram[q];
        }
        int[] ptr = {0, c.cols.length};
        HalfStep step = new HalfStep(c.k, c.y, target, 1, ptr, c.cols, c.cm1, gram, gramF, c.lambda, false);
        solver.solve(step, 0, solver.newWorkspace(c.k));
        return target;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16, 33})
    void choleskyEqualsDenseSolve(int k) {
        for (long seed = 1; seed <= 5; seed++) {
            Case c = randomCase(k, 60, 12, 0.3, seed * 100 + k);
            float[] x = solve(c, new CholeskySolver(), new float[k]);
            for (int f = 0; f < k; f++) {
                assertEquals(c.expected[f], x[f], 1e-5 * Math.max(1, Math.abs(c.expected[f])), "factor " + f + " seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 16, 33})
    void conjugateGradientWithKStepsEqualsDenseSolve(int k) {
        // in exact arithmetic CG solves a k x k SPD system in k steps; a few more absorb float rounding
        for (long seed = 1; seed <= 5; seed++) {
            Case c = randomCase(k, 60, 12, 0.3, seed * 100 + k);
            float[] x = solve(c, ConjugateGradientSolver.scalar(k + 5), new float[k]);
            double scale = 0;
            for (double v : c.expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int f = 0; f < k; f++) {
                assertEquals(c.expected[f], x[f], 2e-3 * Math.max(1, scale), "factor " + f + " seed " + seed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 32})
    void threeWarmStartedCgStepsReduceTheErrorOfTheStart(int k) {
        Case c = randomCase(k, 200, 30, 1.0, 7 + k);
        float[] start = new float[k];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int f = 0; f < k; f++) {
            start[f] = (float) (c.expected[f] + 0.1 * (rnd.nextDouble() - 0.5));
        }
        float[] x = solve(c, ConjugateGradientSolver.scalar(3), start);
        assertTrue(error(c, x) < error(c, start) / 3, "3 CG steps cut the distance to the exact solution at least threefold");
    }

    private static double error(Case c, float[] x) {
        double e = 0;
        for (int f = 0; f < c.k; f++) {
            e += (x[f] - c.expected[f]) * (x[f] - c.expected[f]);
        }
        return Math.sqrt(e);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16, 64})
    void fastestCgAvailableAgreesWithTheScalarReference(int k) {
        // the vector kernel (when jdk.incubator.vector is present) against the scalar loop
        Case c = randomCase(k, 300, 80, 0.5, 11 + k);
        float[] start = new float[k];
        float[] scalar = solve(c, ConjugateGradientSolver.scalar(3), start);
        float[] fast = solve(c, RowSolver.conjugateGradient(3), start);
        for (int f = 0; f < k; f++) {
            assertEquals(scalar[f], fast[f], 1e-4 * Math.max(1, Math.abs(scalar[f])), "factor " + f);
        }
    }
}
