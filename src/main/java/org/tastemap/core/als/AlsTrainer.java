package org.tastemap.core.als;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.linalg.FactorTables;
import org.tastemap.core.linalg.Gram;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.FactorModel;

/**
 * Trains implicit-feedback ALS: each iteration solves every user row, then every artist row
 * ({@link AlsEngine}). Training may warm-start from a model of the same shape and factors, which
 * is how the app retrains after a slider moves.
 *
 * <p>The same matrix, parameters and seed give the same model: the random start depends on the
 * seed only, and every row is solved from the previous half-step's factors alone. Per-chunk sums
 * (Gram matrix, loss) are added in chunk order, and chunks depend on the thread count.
 */
public final class AlsTrainer {
    private AlsTrainer() {
    }

    /** Trains from a seeded random start. */
    public static TrainingResult train(InteractionMatrix matrix, AlsParams params, TrainingOptions options) {
        return train(matrix, params, null, options);
    }

    /**
     * Trains {@code params.iterations()} iterations, starting from {@code start}'s factors when it is
     * non-null and has the same shape and number of factors, else from a seeded random start.
     */
    public static TrainingResult train(InteractionMatrix matrix, AlsParams params, FactorModel start, TrainingOptions options) {
        return train(matrix, params, start, options, null);
    }

    /**
     * The same, with the confidences from {@code confidences} when it is non-null (a cache of
     * {@code matrix}, for many trainings on one matrix: the same model, faster).
     */
    public static TrainingResult train(InteractionMatrix matrix, AlsParams params, FactorModel start, TrainingOptions options,
                                       ConfidenceCache confidences) {
        params.validate();
        int k = params.factors();
        int n = matrix.numUsers();
        int m = matrix.numItems();
        boolean warm = start != null && start.factors() == k && start.numUsers() == n && start.numItems() == m;
        // the engine's own tables, row 0 on a cache line (FactorTables); models get plain copies
        float[] x = warm ? FactorTables.aligned(start.userFactors(), n, k) : randomTable(n, k, params.seed());
        float[] y = warm ? FactorTables.aligned(start.itemFactors(), m, k) : randomTable(m, k, params.seed() * 31 + 17);
        int before = warm ? start.iterations() : 0;
        // the fallback while no iteration has finished (the start is immutable, so a warm start needs no copy)
        FactorModel last = warm ? start : new FactorModel(k, n, m, FactorTables.plain(x, n, k), FactorTables.plain(y, m, k), params, before);
        List<IterationReport> history = new ArrayList<>();
        long t0 = System.nanoTime();
        try (AlsEngine engine = confidences == null ? new AlsEngine(matrix, params) : new AlsEngine(matrix, params, confidences)) {
            engine.limitWorkers(options.workerLimit());
            for (int it = 1; it <= params.iterations(); it++) {
                if (options.cancelled().getAsBoolean()) {
                    return new TrainingResult(last, TrainingResult.Status.CANCELLED, "Training was stopped after "
                            + (it - 1) + " iterations.", history);
                }
                long s = System.nanoTime();
                double loss = Double.NaN;
                try {
                    engine.solveUsers(x, y, options.cancelled());
                    if (options.computeLoss()) {
                        // the loss comes with the artist half-step, for a small fraction of a pass over the cells
                        loss = engine.solveItemsAndLoss(x, y, options.cancelled());
                    } else {
                        engine.solveItems(x, y, options.cancelled());
                    }
                } catch (RowParallel.CancelledException e) {
                    return new TrainingResult(last, TrainingResult.Status.CANCELLED, "Training was stopped during iteration "
                            + it + "; the model of iteration " + (it - 1) + " is kept.", history);
                }
                double seconds = (System.nanoTime() - s) / 1e9;
                if (!finite(x) || !finite(y)) {
                    return new TrainingResult(last, TrainingResult.Status.DIVERGED, "The factors became infinite or NaN in iteration "
                            + it + " (" + divergenceCause(engine) + "); the model of iteration " + (it - 1) + " is kept.", history);
                }
                if (Double.isInfinite(loss)) {
                    return new TrainingResult(last, TrainingResult.Status.DIVERGED, "The loss became infinite in iteration "
                            + it + " (" + divergenceCause(engine) + "); the model of iteration " + (it - 1) + " is kept.", history);
                }
                // x and y are finite: the previous snapshot is no longer the fallback, so let it go before
                // copying (at 358,000 x 160,000 and k = 64 each copy is 133 MB)
                last = null;
                FactorModel snapshot = new FactorModel(k, n, m, FactorTables.plain(x, n, k), FactorTables.plain(y, m, k), params,
                        before + it);
                Metrics metrics = options.evaluator() == null || options.cancelled().getAsBoolean() ? null : options.evaluator().apply(snapshot);
                last = snapshot;
                IterationReport report = new IterationReport(it, before + it, seconds, (System.nanoTime() - t0) / 1e9, loss, metrics, snapshot);
                history.add(report.withoutModel());
                options.listener().onIteration(report);
            }
        }
        return new TrainingResult(last, TrainingResult.Status.COMPLETED, "", history);
    }

    /**
     * Confidences above this make float solves overflow: {@code c y y'} and the CG residual's
     * squares reach {@code c^2 |y|^4}, past the float range (3.4e38) from about c = 1e17 with unit
     * factors. Above it the cause named is the input, not alpha.
     */
    public static final double ABSURD_CONFIDENCE = 1e12;

    /** Why training diverged, as advice: the input when its largest confidence is absurd, else alpha and lambda. */
    static String divergenceCause(AlsEngine engine) {
        Confidence.Cell c = engine.largestConfidence();
        if (c != null && !(c.minusOne() <= ABSURD_CONFIDENCE)) {
            return String.format(java.util.Locale.ROOT, "the largest confidence, c = 1 + %.1e, is too large for float arithmetic:"
                    + " user #%d has %.1e plays of artist #%d; check the input, or use log confidence", c.minusOne(), c.user(), c.plays(), c.item());
        }
        return "try a smaller alpha or a larger lambda";
    }

    /**
     * The seeded random start of {@code params} for a matrix of {@code users x items}, as a model of 0
     * iterations: training from it is the same as training from no start at all (the same factors),
     * so that many trainings with one seed and factor count draw them once.
     */
    public static FactorModel randomStart(int users, int items, AlsParams params) {
        int k = params.factors();
        return new FactorModel(k, users, items, randomFactors(users, k, params.seed()), randomFactors(items, k, params.seed() * 31 + 17),
                params, 0);
    }

    /** Factors drawn from N(0, 0.01^2) by a seeded generator, as a plain table. */
    public static float[] randomFactors(int rows, int k, long seed) {
        return fillRandom(new float[rows * k], 0, seed);
    }

    /** The same factors as {@link #randomFactors} in a table from {@link FactorTables#allocate}. */
    static float[] randomTable(int rows, int k, long seed) {
        return fillRandom(FactorTables.allocate(rows, k), FactorTables.ORIGIN, seed);
    }

    private static float[] fillRandom(float[] out, int origin, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int q = origin; q < out.length; q++) {
            out[q] = (float) (gaussian(rnd) * 0.01);
        }
        return out;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static boolean finite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
