package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;

/**
 * The loss that comes with the artist half-step (sum of the row objectives plus the users'
 * regularisation) against the standalone {@link AlsEngine#loss} of the same factors, which sums
 * every cell's term in double (the vector kernels take each cell's dot product in float, a few
 * 1e-9 relative in the sum). Cholesky's objective is exact; CG's uses its running float residual,
 * which drifts from {@code b - A x} by float rounding: at most 5e-8 relative was observed here
 * (k = 8 to 128, both confidences, with and without ALS-WR), so 1e-6 leaves a margin of 20.
 */
class RowObjectiveTest {
    private static final InteractionMatrix MATRIX = TestData.random(300, 200, 0.06, 400, 23);

    private static RowSolver solver(String name) {
        return switch (name) {
            case "cholesky" -> new CholeskySolver();
            case "scalar" -> ConjugateGradientSolver.scalar(3);
            default -> RowSolver.conjugateGradient(3);
        };
    }

    @ParameterizedTest
    @CsvSource({"cholesky, 8, 1e-8", "scalar, 8, 1e-6", "fastest, 8, 1e-6", "scalar, 64, 1e-6", "fastest, 16, 1e-6",
            "fastest, 32, 1e-6", "fastest, 40, 1e-6", "fastest, 64, 1e-6", "fastest, 128, 1e-6", "fastest, 256, 1e-6"})
    void theLossOfTheArtistHalfStepEqualsTheStandaloneLoss(String name, int k, double tolerance) {
        for (ConfidenceKind kind : new ConfidenceKind[] {ConfidenceKind.LOG, ConfidenceKind.LINEAR}) {
            for (boolean scaled : new boolean[] {false, true}) {
                AlsParams p = AlsParams.defaults().withFactors(k).withConfidence(kind).withAlpha(kind == ConfidenceKind.LINEAR ? 0.05 : 2)
                        .withScaleLambdaByCount(scaled).withLambda(scaled ? 0.01 : 0.1).withThreads(2);
                float[] x = AlsTrainer.randomFactors(MATRIX.numUsers(), k, 1);
                float[] y = AlsTrainer.randomFactors(MATRIX.numItems(), k, 2);
                try (AlsEngine e = new AlsEngine(MATRIX, p, solver(name))) {
                    for (int it = 0; it < 3; it++) {
                        e.solveUsers(x, y);
                        double fused = e.solveItemsAndLoss(x, y);
                        double direct = e.loss(x, y);
                        assertEquals(direct, fused, tolerance * direct, name + " k " + k + " " + kind + " scaled " + scaled + " it " + it);
                    }
                }
            }
        }
    }
}
