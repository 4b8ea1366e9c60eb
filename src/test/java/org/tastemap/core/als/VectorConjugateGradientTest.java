package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tastemap.core.linalg.Gram;
import org.tastemap.core.linalg.VectorSupport;

/**
 * The vector CG kernel against the scalar {@link ConjugateGradientSolver}, whose math is the spec:
 * same systems, same start, same number of steps.
 *
 * <p>Why a relative tolerance of 1e-4: both do the same float operations, only the order of the
 * additions differs (lane sums, FMA). Each sum of n float terms then differs by about
 * {@code sqrt(n) * 2^-24} of the sum of magnitudes, a few 1e-7 here, and three CG steps on these
 * well-conditioned systems (lambda 0.5 against YtY of 300 random rows) pass that on without much
 * growth; the observed differences are below 1e-6 of the largest factor (k = 1 to 256). 1e-4 is the engine's
 * tolerance against the float64 reference too. A wrong sign, a missed tail or a skipped row would
 * be off by order 1.
 */
class VectorConjugateGradientTest {

    @BeforeAll
    static void vectorPathIsPresent() {
        // surefire starts the test JVM with --add-modules jdk.incubator.vector (pom.xml, test.jvm.args)
        assumeTrue(VectorSupport.available(), "jdk.incubator.vector is not in this JVM");
    }

    /** A random row system: m fixed rows of k factors in [-0.5, 0.5), nnz non-zeros with c - 1 in [0, 20). */
    static HalfStep randomStep(int k, int m, int nnz, double lambda, long seed, float startScale) {
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
        float[] x = new float[k];
        for (int f = 0; f < k; f++) {
            x[f] = startScale == 0 ? 0f : (float) (startScale * (rnd.nextDouble() - 0.5));
        }
        double[] gram = Gram.of(y, m, k);
        float[] gramF = new float[gram.length];
        for (int q = 0; q < gram.length; q++) {
            gramF[q] = (float) gram[q];
        }
        return new HalfStep(k, y, x, 1, new int[] {0, cols.length}, cols, cm1, gram, gramF, lambda, false);
    }

    static float[] solve(HalfStep s, RowSolver solver) {
        float[] target = s.target().clone();
        HalfStep mine = new HalfStep(s.k(), s.fixed(), target, s.rows(), s.ptr(), s.cols(), s.cm1(), s.gram(), s.gramF(),
                s.lambda(), s.scaled());
        solver.solve(mine, 0, solver.newWorkspace(s.k()));
        return target;
    }

    @Test
    void theFastestSolverIsTheVectorOneWhenTheModuleIsPresent() {
        assertInstanceOf(VectorConjugateGradientSolver.class, RowSolver.conjugateGradient(3));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 8, 16, 31, 32, 33, 64, 100, 128, 256})
    void vectorCgAgreesWithTheScalarCgToFloatRounding(int k) {
        for (long seed = 1; seed <= 3; seed++) {
            for (float startScale : new float[] {0f, 0.2f}) {
                HalfStep s = randomStep(k, 300, 80, 0.5, seed * 1000 + k, startScale);
                float[] scalar = solve(s, ConjugateGradientSolver.scalar(3));
                float[] vector = solve(s, new VectorConjugateGradientSolver(3));
                double scale = 0;
                for (float v : scalar) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertTrue(scale > 0.01, "the solve moved the start");
                for (int f = 0; f < k; f++) {
                    assertEquals(scalar[f], vector[f], 1e-4 * scale, "k " + k + " factor " + f + " seed " + seed + " start " + startScale);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 32, 64})
    void aRowWithoutNonZerosStartingAtZeroStaysAtZero(int k) {
        // r = b - A 0 = 0: the residual is below RESIDUAL_EPS before the first step
        HalfStep s = randomStep(k, 50, 0, 0.5, 3, 0f);
        assertArrayEquals(new float[k], solve(s, new VectorConjugateGradientSolver(3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 16, 32, 64, 70})
    void anInfiniteResidualWritesNaNLikeTheScalarSolver(int k) {
        HalfStep s = randomStep(k, 50, 10, 0.5, 4, 0.2f);
        java.util.Arrays.fill(s.cm1(), 3e38f);
        float[] scalar = solve(s, ConjugateGradientSolver.scalar(3));
        float[] vector = solve(s, new VectorConjugateGradientSolver(3));
        for (int f = 0; f < k; f++) {
            assertTrue(Float.isNaN(scalar[f]), "scalar factor " + f);
            assertTrue(Float.isNaN(vector[f]), "vector factor " + f);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 32, 64, 40})
    void moreStepsConvergeToTheSameSolution(int k) {
        // k + 5 steps of either solver reach the exact solution; they must agree closely
        HalfStep s = randomStep(k, 200, 40, 1.0, 9 + k, 0.1f);
        float[] scalar = solve(s, ConjugateGradientSolver.scalar(k + 5));
        float[] vector = solve(s, new VectorConjugateGradientSolver(k + 5));
        for (int f = 0; f < k; f++) {
            assertEquals(scalar[f], vector[f], 1e-3 * Math.max(1, Math.abs(scalar[f])), "factor " + f);
        }
    }
}
