package org.tastemap.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.als.AlsEngine;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.SolverKind;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;

/**
 * Spark's implicit ALS against our exact (Cholesky) solver with count-scaled lambda, on the same
 * generated data with the same seed-independent settings: both minimise the same objective
 * ({@link AlsEngine#loss}: confidence-weighted squared error plus lambda n_u |x_u|^2 + lambda n_i |y_i|^2)
 * by exact alternating solves, from different random starts, so after 15 iterations they reach
 * objectives within {@link #OBJECTIVE_TOLERANCE} of each other and held-out MAP@10 within 5%.
 */
class SparkVsExactTest {
    /**
     * 1% relative. Measured on this data: the two objectives differ by 0.1% or less (different starts reach
     * slightly different local minima: log 0.00%, linear 0.09%, BM25 0.005%); the control, our solver at
     * 4 x lambda scored on the same objective, is 11-27% off, so the tolerance tells a right mapping from a wrong one.
     */
    static final double OBJECTIVE_TOLERANCE = 0.01;

    static InteractionMatrix matrix;

    @BeforeAll
    static void data(@TempDir Path dir) throws Exception {
        Path file = LocalSpark.generate(dir.resolve("plays.tsv"), 600, 500, 11);
        matrix = Importer.importFile(file, ImportOptions.lastFm()).dataset().matrix();
    }

    static AlsParams params(ConfidenceKind confidence) {
        return AlsParams.defaults().withFactors(16).withAlpha(2.0).withConfidence(confidence).withLambda(0.5)
                .withScaleLambdaByCount(true).withIterations(15).withSolver(SolverKind.CHOLESKY).withSeed(7).withThreads(2);
    }

    static FactorModel ours(InteractionMatrix m, AlsParams p) {
        return AlsTrainer.train(m, p, TrainingOptions.quiet()).model();
    }

    static double objective(InteractionMatrix m, AlsParams p, FactorModel f) {
        try (AlsEngine engine = new AlsEngine(m, p)) {
            return engine.loss(f.userFactors(), f.itemFactors());
        }
    }

    /**
     * Each confidence at an alpha where 15 iterations converge from either start: log at alpha 2 (c up to about 18
     * on this data), linear and BM25 at alpha 0.05. With confidences in the thousands (linear or BM25 at alpha 2)
     * neither run has converged after 15 iterations and the start decides: measured, linear at alpha 2, 230,642
     * (ours, 0.01-scaled Gaussian start) against 160,951 (Spark, unit-length rows); ours reaches 150,201 after 80.
     */
    @Test
    void objectivesAgreeForEachConfidence() {
        StringBuilder all = new StringBuilder();
        boolean ok = true;
        for (ConfidenceKind kind : ConfidenceKind.values()) {
            AlsParams p = params(kind).withAlpha(kind == ConfidenceKind.LOG ? 2.0 : 0.05);
            double exact = objective(matrix, p, ours(matrix, p));
            double spark = objective(matrix, p, SparkAls.train(LocalSpark.session(), matrix, p));
            double control = objective(matrix, p, ours(matrix, p.withLambda(p.lambda() * 4)));
            all.append(String.format(Locale.ROOT, "%s alpha %s: exact %.6g, Spark %.6g, control %.6g%n", kind, p.alpha(),
                    exact, spark, control));
            ok &= Math.abs(spark - exact) <= OBJECTIVE_TOLERANCE * exact && Math.abs(control - exact) > OBJECTIVE_TOLERANCE * exact;
        }
        System.out.println("SparkVsExactTest " + all);
        assertTrue(ok, "objectives within " + OBJECTIVE_TOLERANCE + " and the 4 x lambda control outside:\n" + all);
    }

    @Test
    void heldOutMapWithinFivePercent() {
        AlsParams p = params(ConfidenceKind.LOG);
        Holdout protocol = new Holdout(0.2, 42);
        TrainTestSplit split = protocol.split(matrix);
        double exact = protocol.evaluate(Scorer.of(ours(split.train(), p)), split, 2).mapAtK();
        double spark = protocol.evaluate(Scorer.of(SparkAls.train(LocalSpark.session(), split.train(), p)), split, 2).mapAtK();
        double pop = protocol.evaluate(Scorer.popularity(split.train()), split, 2).mapAtK();
        String what = String.format(Locale.ROOT, "MAP@10 exact %.4f, Spark %.4f, most popular %.4f", exact, spark, pop);
        System.out.println("SparkVsExactTest " + what);
        assertTrue(Math.abs(spark - exact) <= 0.05 * exact, what);
        assertTrue(exact > pop * 1.5, "the data must be learnable, or agreement means nothing: " + what);
    }
}
