package org.tastemap.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tastemap.core.TestData;
import org.tastemap.core.als.AlsEngine;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.CholeskySolver;
import org.tastemap.core.als.ConjugateGradientSolver;
import org.tastemap.core.als.RowSolver;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;

/**
 * Tables whose row 0 starts a few floats in ({@link FactorTables}) hold the same model as plain
 * ones: every solver and kernel reads row r at {@code origin + r k}, and the arithmetic is the same,
 * so the results must be bit for bit those of plain tables. The engine's tables are plain or have
 * {@link FactorTables#ORIGIN}; a user table and an artist table with different origins catch a
 * kernel that takes one side's origin for the other's.
 */
class FactorTablesTest {
    private static final InteractionMatrix MATRIX = TestData.random(300, 200, 0.06, 400, 23);

    @Test
    void theOriginPutsRowZeroOnACacheLineBoundary() {
        // a 64-byte line: the floats from the array's first element to the next boundary
        assertEquals(12, FactorTables.originFor(16), "16-byte array header (compressed class pointers)");
        assertEquals(10, FactorTables.originFor(24), "24-byte header (without them)");
        assertEquals(0, FactorTables.originFor(0));
        assertEquals(0, FactorTables.originFor(64));
        assertEquals(0, FactorTables.originFor(18), "not a whole number of floats: no shift");
        assertEquals(FactorTables.originFor(FactorTables.arrayBaseOffset()), FactorTables.ORIGIN);
        assertTrue(FactorTables.ORIGIN * Float.BYTES < FactorTables.CACHE_LINE_BYTES);
    }

    @Test
    void allocateAlignedAndPlainKeepTheRowsAndTheirOrder() {
        int rows = 5;
        int k = 3;
        float[] plain = new float[rows * k];
        for (int q = 0; q < plain.length; q++) {
            plain[q] = q + 1;
        }
        float[] table = FactorTables.aligned(plain, rows, k);
        assertEquals(FactorTables.ORIGIN + rows * k, table.length);
        assertEquals(FactorTables.ORIGIN, FactorTables.origin(table, rows, k, "t"));
        assertEquals(plain[2 * k + 1], table[FactorTables.ORIGIN + 2 * k + 1], "row 2, factor 1");
        assertArrayEquals(plain, FactorTables.plain(table, rows, k));
        assertEquals(0, FactorTables.origin(plain, rows, k, "t"));
        assertEquals(FactorTables.ORIGIN + rows * k, FactorTables.allocate(rows, k).length);
    }

    @Test
    void aTableOfTheWrongLengthIsRefusedWithItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactorTables.origin(new float[14], 5, 3, "user factors"));
        assertTrue(e.getMessage().contains("user factors") && e.getMessage().contains("5 x 3") && e.getMessage().contains("14"),
                e.getMessage());
        // a row too many is not an origin, even where k is less than the origin
        assertThrows(IllegalArgumentException.class, () -> FactorTables.origin(new float[18], 5, 3, "t"), "one row too many");
        assertThrows(IllegalArgumentException.class, () -> FactorTables.origin(new float[15 + FactorTables.ORIGIN + 1], 5, 3, "t"));
        assertThrows(IllegalArgumentException.class, () -> FactorTables.aligned(new float[16], 5, 3), "not a plain table");
        try (AlsEngine e2 = new AlsEngine(MATRIX, AlsParams.defaults().withFactors(8))) {
            float[] x = new float[MATRIX.numUsers() * 8 + 16];
            float[] y = new float[MATRIX.numItems() * 8];
            assertThrows(IllegalArgumentException.class, () -> e2.solveUsers(x, y));
        }
    }

    /**
     * The vector solver's paths at 512 bits: 10 row by row in array loops; 16, 32 and 64 the 1-, 2-
     * and 4-vector register kernels row by row; 80 (5 vectors) and 256 (16) four rows in lockstep with
     * the two-pass loops; 128 (8 vectors) in lockstep with the register kernels. At 256 bits (the
     * vector-256 execution) 16 / 32 / 64 are 2 / 4 / 8 vectors and 128 runs the two-pass lockstep; in
     * the scalar execution the fastest solver and kernels are the scalar ones. Each k also on the
     * scalar CG and (below 256) Cholesky, with and without ALS-WR (its loss weighs each row's norm by its count),
     * and with the origin on the users only, on the artists only, and on both.
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 16, 32, 64, 80, 128, 256})
    void everySolverGivesBitIdenticalFactorsAndLossOnTablesWithAnOrigin(int k) {
        // Cholesky reads the tables the same way at every k; at 256 it would take most of the test's time
        Supplier<?>[] solvers = k < 256
                ? new Supplier<?>[] {() -> RowSolver.conjugateGradient(3), () -> ConjugateGradientSolver.scalar(3), CholeskySolver::new}
                : new Supplier<?>[] {() -> RowSolver.conjugateGradient(3), () -> ConjugateGradientSolver.scalar(3)};
        int o = FactorTables.ORIGIN;
        for (boolean scaled : new boolean[] {false, true}) {
            AlsParams p = AlsParams.defaults().withFactors(k).withThreads(2).withScaleLambdaByCount(scaled);
            for (int[] origins : new int[][] {{o, 0}, {0, o}, {o, o}}) {
                for (Supplier<?> solver : solvers) {
                    sameAsPlain(p, (RowSolver) solver.get(), (RowSolver) solver.get(), origins[0], origins[1]);
                }
            }
        }
    }

    private static void sameAsPlain(AlsParams p, RowSolver plainSolver, RowSolver shiftedSolver, int xOrigin, int yOrigin) {
        int k = p.factors();
        float[] x = AlsTrainer.randomFactors(MATRIX.numUsers(), k, 5);
        float[] y = AlsTrainer.randomFactors(MATRIX.numItems(), k, 6);
        float[] xo = shifted(x, xOrigin);
        float[] yo = shifted(y, yOrigin);
        String what = plainSolver.getClass().getSimpleName() + ", k " + k + ", ALS-WR " + p.scaleLambdaByCount()
                + ", origins " + xOrigin + "/" + yOrigin;
        try (AlsEngine a = new AlsEngine(MATRIX, p, plainSolver);
             AlsEngine b = new AlsEngine(MATRIX, p, shiftedSolver)) {
            for (int it = 0; it < 2; it++) {
                a.solveUsers(x, y);
                b.solveUsers(xo, yo);
                double la = a.solveItemsAndLoss(x, y);
                double lb = b.solveItemsAndLoss(xo, yo);
                assertEquals(la, lb, 0.0, what + ": loss with the artist half-step");
            }
            a.solveItems(x, y);
            b.solveItems(xo, yo);
            assertArrayEquals(x, unshifted(xo, xOrigin), what + ": users");
            assertArrayEquals(y, unshifted(yo, yOrigin), what + ": artists");
            assertEquals(a.loss(x, y), b.loss(xo, yo), 0.0, what + ": standalone loss");
            assertArrayEquals(a.gram(y, MATRIX.numItems(), () -> false), b.gram(yo, MATRIX.numItems(), () -> false),
                    what + ": Gram");
            assertArrayEquals(Gram.of(x, MATRIX.numUsers(), k), Gram.of(xo, MATRIX.numUsers(), k), what + ": Gram.of");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theTrainerGivesTheModelThatPlainTablesGive(boolean scaled) {
        // the trainer keeps its tables with FactorTables.ORIGIN; the engine on plain tables from the same
        // seeded start is what it computed before it did
        AlsParams p = AlsParams.defaults().withFactors(16).withIterations(3).withThreads(2).withScaleLambdaByCount(scaled);
        FactorModel m = AlsTrainer.train(MATRIX, p, TrainingOptions.quiet()).model();
        float[] x = AlsTrainer.randomFactors(MATRIX.numUsers(), 16, p.seed());
        float[] y = AlsTrainer.randomFactors(MATRIX.numItems(), 16, p.seed() * 31 + 17);
        try (AlsEngine e = new AlsEngine(MATRIX, p)) {
            for (int it = 0; it < 3; it++) {
                e.solveUsers(x, y);
                e.solveItems(x, y);
            }
        }
        assertArrayEquals(x, m.userFactors());
        assertArrayEquals(y, m.itemFactors());
        // and a warm start from that model goes on from exactly those factors
        FactorModel warm = AlsTrainer.train(MATRIX, p.withIterations(1), m, TrainingOptions.quiet()).model();
        try (AlsEngine e = new AlsEngine(MATRIX, p)) {
            e.solveUsers(x, y);
            e.solveItems(x, y);
        }
        assertArrayEquals(x, warm.userFactors());
        assertArrayEquals(y, warm.itemFactors());
    }

    private static float[] shifted(float[] plain, int origin) {
        float[] out = new float[origin + plain.length];
        Arrays.fill(out, 0, origin, Float.NaN);
        System.arraycopy(plain, 0, out, origin, plain.length);
        return out;
    }

    private static float[] unshifted(float[] table, int origin) {
        for (int q = 0; q < origin; q++) {
            assertTrue(Float.isNaN(table[q]), "the floats before row 0 are never written");
        }
        return Arrays.copyOfRange(table, origin, table.length);
    }
}
