package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The early exits of CG when rows run in lockstep ({@code VectorConjugateGradientSolver.solveRows}
 * for k without a register kernel): each row of a batch must leave CG exactly where and how
 * {@link RowSolver#solve} leaves it alone. The half-step is built by hand so that one batch holds a
 * row whose first residual is not finite (a NaN factor among its columns: NaN factors and a NaN
 * objective), a row already at its solution (no non-zeros and x = 0: residual 0, below
 * {@code RESIDUAL_EPS}), and rows whose system is indefinite (a negative lambda, which training never
 * passes, makes {@code p'Ap <= 0} in some step). On the scalar path both calls are row by row and the
 * comparison holds trivially.
 */
class BatchExitsTest {
    private static final int K = 80; // 5 vectors at 512 bits, 10 at 256: no register kernel, so lockstep
    private static final int ROWS = 13; // three batches of four and one row alone
    private static final int FIXED = 40;
    private static final int NAN_COLUMN = 7;
    private static final int EMPTY_ROW = 5;

    private static HalfStep step(float[] target, double[] objective, double lambda) {
        SplittableRandom rnd = new SplittableRandom(3);
        float[] fixed = new float[FIXED * K];
        for (int q = 0; q < fixed.length; q++) {
            fixed[q] = (float) (rnd.nextDouble() - 0.5) * 0.4f;
        }
        fixed[NAN_COLUMN * K + 11] = Float.NaN;
        int[] ptr = new int[ROWS + 1];
        int[] cols = new int[ROWS * 12];
        float[] cm1 = new float[cols.length];
        int n = 0;
        for (int r = 0; r < ROWS; r++) {
            if (r != EMPTY_ROW) {
                // rows 0 and 9 include the NaN column, the others do not
                for (int c = 0; c < FIXED && n - ptr[r] < 3 + r % 9; c += 1 + rnd.nextInt(4)) {
                    if (c == NAN_COLUMN && r != 0 && r != 9) {
                        continue;
                    }
                    cols[n] = c;
                    cm1[n++] = (float) (rnd.nextDouble() * (r % 3 == 0 ? 40 : 2));
                }
                if ((r == 0 || r == 9) && Arrays.stream(cols, ptr[r], n).noneMatch(c -> c == NAN_COLUMN)) {
                    cols[n] = NAN_COLUMN;
                    cm1[n++] = 1;
                    Arrays.sort(cols, ptr[r], n);
                }
            }
            ptr[r + 1] = n;
        }
        // YtY in double over the finite rows of the fixed table, so that only the rows using the NaN
        // column see it (in training a NaN factor would poison YtY and every row)
        double[] gram = new double[K * K];
        for (int j = 0; j < FIXED; j++) {
            if (j == NAN_COLUMN) {
                continue;
            }
            for (int f = 0; f < K; f++) {
                for (int g = 0; g < K; g++) {
                    gram[f * K + g] += (double) fixed[j * K + f] * fixed[j * K + g];
                }
            }
        }
        float[] gramF = new float[K * K];
        for (int q = 0; q < gramF.length; q++) {
            gramF[q] = (float) gram[q];
        }
        return new HalfStep(K, fixed, target, ROWS, ptr, Arrays.copyOf(cols, n), Arrays.copyOf(cm1, n), gram, gramF,
                lambda, false, objective);
    }

    private static float[] start() {
        float[] x = AlsTrainer.randomFactors(ROWS, K, 5);
        Arrays.fill(x, EMPTY_ROW * K, EMPTY_ROW * K + K, 0f);
        return x;
    }

    @Test
    void everyExitOfABatchIsTheExitOfItsRowAlone() {
        RowSolver solver = ConjugateGradientSolver.create(3);
        for (double lambda : new double[] {0.5, -3}) {
            float[] together = start();
            float[] alone = start();
            double[] objTogether = new double[ROWS];
            double[] objAlone = new double[ROWS];
            HalfStep a = step(together, objTogether, lambda);
            HalfStep b = step(alone, objAlone, lambda);
            solver.solveRows(a, 0, ROWS, solver.newWorkspace(K));
            Object ws = solver.newWorkspace(K);
            for (int r = 0; r < ROWS; r++) {
                solver.solve(b, r, ws);
            }
            assertArrayEquals(alone, together, "factors, lambda " + lambda);
            assertArrayEquals(objAlone, objTogether, "row objectives, lambda " + lambda);

            // the exits were reached: NaN rows, the empty row untouched at 0, and (indefinite case)
            // rows that stopped at their start because the first p'Ap was not positive
            float[] init = start();
            assertTrue(Float.isNaN(together[0]) && Float.isNaN(together[9 * K]) && Double.isNaN(objTogether[0]));
            assertArrayEquals(Arrays.copyOfRange(init, EMPTY_ROW * K, EMPTY_ROW * K + K),
                    Arrays.copyOfRange(together, EMPTY_ROW * K, EMPTY_ROW * K + K), "empty row");
            int unchanged = 0;
            int moved = 0;
            for (int r = 0; r < ROWS; r++) {
                if (r == 0 || r == 9 || r == EMPTY_ROW) {
                    continue;
                }
                boolean same = Arrays.equals(Arrays.copyOfRange(init, r * K, r * K + K), Arrays.copyOfRange(together, r * K, r * K + K));
                unchanged += same ? 1 : 0;
                moved += same ? 0 : 1;
            }
            if (lambda < 0) {
                // lambda = -3: 3 rows stop at once and 7 move (counted when the test was written); both kinds in the batches
                assertTrue(unchanged > 0 && moved > 0, "rows that stop at once on p'Ap <= 0: " + unchanged + ", rows that move: " + moved);
            } else {
                assertTrue(unchanged == 0 && moved == ROWS - 3, "every other row moves with a positive lambda");
            }
        }
    }
}
