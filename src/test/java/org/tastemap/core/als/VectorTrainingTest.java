package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.linalg.FactorKernels;
import org.tastemap.core.linalg.VectorSupport;
import org.tastemap.core.model.AlsParams;

/**
 * Whole ALS training on the fastest path this JVM offers (vector kernels under surefire, scalar with
 * {@code -Dtastemap.scalar=true}) against the exact Cholesky solver and against the scalar CG. The
 * factor counts reach the register kernels (16, 32, 64, 128 are 2, 4 or 8 vectors at 256 or 512
 * bits) and the array loops (40).
 */
class VectorTrainingTest {
    private static final InteractionMatrix MATRIX = TestData.random(600, 400, 0.05, 400, 17);

    private static float[][] train(AlsParams p, RowSolver solver, int iterations) {
        float[] x = AlsTrainer.randomFactors(MATRIX.numUsers(), p.factors(), p.seed());
        float[] y = AlsTrainer.randomFactors(MATRIX.numItems(), p.factors(), p.seed() * 31 + 17);
        try (AlsEngine e = new AlsEngine(MATRIX, p, solver)) {
            for (int it = 0; it < iterations; it++) {
                e.solveUsers(x, y);
                e.solveItems(x, y);
            }
        }
        return new float[][] {x, y};
    }

    private static double loss(AlsParams p, float[][] f) {
        try (AlsEngine e = new AlsEngine(MATRIX, p)) {
            return e.loss(f[0], f[1]);
        }
    }

    @Test
    void theSystemPropertySwitchesTheEngineToScalar() {
        if (Boolean.getBoolean("tastemap.scalar")) {
            assertFalse(VectorSupport.available());
            assertSame(ConjugateGradientSolver.class, RowSolver.conjugateGradient(3).getClass());
            assertSame(FactorKernels.scalar(), FactorKernels.fastest());
            assertTrue(VectorSupport.describe().startsWith("scalar"));
        } else {
            // surefire adds jdk.incubator.vector
            assertTrue(VectorSupport.available());
            assertTrue(VectorSupport.describe().startsWith("vector"), VectorSupport.describe());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 40, 64})
    void cgTrainingEndsWithinOnePercentOfCholeskysLoss(int k) {
        // 3 CG steps per row per half-step, warm-started, against exact row solves from the same start,
        // over the default 15 iterations (3 steps of a k x k system need the iterations to catch up)
        AlsParams p = AlsParams.defaults().withFactors(k).withThreads(2);
        double cg = loss(p, train(p, RowSolver.conjugateGradient(3), 15));
        double exact = loss(p, train(p, new CholeskySolver(), 15));
        assertEquals(exact, cg, 0.01 * exact, "k " + k + ": cg " + cg + " vs exact " + exact);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 40, 64, 128, 256})
    void fastestAndScalarCgTrainTheSameModel(int k) {
        // 256: the 16-vector kernels at 512 bits (at 256 bits, 128 is 16 vectors)
        // the same arithmetic in another order: 5 iterations keep the float differences near 1e-6
        AlsParams p = AlsParams.defaults().withFactors(k).withThreads(2);
        float[][] fast = train(p, RowSolver.conjugateGradient(3), 5);
        float[][] scalar = train(p, ConjugateGradientSolver.scalar(3), 5);
        for (int side = 0; side < 2; side++) {
            double scale = 0;
            for (float v : scalar[side]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int q = 0; q < scalar[side].length; q++) {
                assertEquals(scalar[side][q], fast[side][q], 1e-3 * scale, (side == 0 ? "user" : "artist") + " factor " + q);
            }
        }
        double lf = loss(p, fast);
        assertEquals(loss(p, scalar), lf, 1e-5 * lf);
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 256, 128, 64})
    void rowsSolvedTogetherAreBitIdenticalToRowsSolvedOneByOne(int k) {
        // 80 and 256 have no register kernel at 512 bits (5 and 16 vectors; at 256 bits 10 and 32), so the
        // vector solver runs CG on four rows in lockstep with one pass over YtY and two-pass loops for the
        // non-zeros; 128 at 512 bits (8 vectors) runs in lockstep with the register kernels for the
        // non-zeros; 64 goes row by row. The loss (the artist half-step's row objectives) and 600 users /
        // 400 artists leave partial batches.
        AlsParams p = AlsParams.defaults().withFactors(k).withThreads(2);
        RowSolver together = RowSolver.conjugateGradient(3);
        RowSolver oneByOne = new RowSolver() {
            @Override
            public Object newWorkspace(int kk) {
                return together.newWorkspace(kk);
            }

            @Override
            public void solve(HalfStep step, int row, Object workspace) {
                together.solve(step, row, workspace);
            }
        };
        for (RowSolver[] pair : new RowSolver[][] {{together, oneByOne}}) {
            float[] xa = AlsTrainer.randomFactors(MATRIX.numUsers(), k, p.seed());
            float[] ya = AlsTrainer.randomFactors(MATRIX.numItems(), k, p.seed() * 31 + 17);
            float[] xb = xa.clone();
            float[] yb = ya.clone();
            try (AlsEngine a = new AlsEngine(MATRIX, p, pair[0]); AlsEngine b = new AlsEngine(MATRIX, p, pair[1])) {
                for (int it = 0; it < 3; it++) {
                    a.solveUsers(xa, ya);
                    b.solveUsers(xb, yb);
                    double la = a.solveItemsAndLoss(xa, ya, () -> false);
                    double lb = b.solveItemsAndLoss(xb, yb, () -> false);
                    assertEquals(lb, la, 0.0, "loss, iteration " + it);
                }
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(xb, xa, "users");
            org.junit.jupiter.api.Assertions.assertArrayEquals(yb, ya, "artists");
        }
    }
}
