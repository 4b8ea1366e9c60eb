package org.tastemap.app.train;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.task.Work;
import org.tastemap.app.task.WorkContext;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;

/**
 * The thin adapter between {@link AlsTrainer} and the UI: the trainer's listener becomes progress
 * updates and chart points published to the UI thread; the executor's cancel flag becomes the
 * trainer's {@code cancelled} supplier.
 */
final class TrainingWork implements Work<TrainingWork.Outcome> {
    /**
     * What a run gave.
     *
     * @param convergedAt the iteration (counted in this run) at which the relative loss change fell
     *                    below the tolerance and training stopped, or 0 when it did not
     */
    record Outcome(TrainingResult result, int convergedAt) {
        /** Each iteration's training seconds / seconds since the start (with evaluation), for the log. */
        String timings() {
            return "each iteration's training seconds / seconds since the start (with evaluation): " + result.history().stream()
                    .map(r -> String.format(Locale.ROOT, "%.3f/%.2f", r.seconds(), r.elapsed())).collect(java.util.stream.Collectors.joining(" "));
        }
    }

    private final InteractionMatrix matrix;
    private final AlsParams params;
    private final FactorModel start;
    private final TrainTestSplit split;
    private final int evalUsers;
    /**
     * A warm retrain stops at the first iteration whose loss changed by less than this fraction:
     * {@code |L(t-1) - L(t)| / L(t-1) < 0.001}. At 0.1% per iteration ten more iterations would move
     * the loss by under 1%, well below the differences between the alpha and lambda values a slider
     * step gives. A run from a random start (Train) runs every iteration it is set to.
     */
    static final double CONVERGENCE = 1e-3;
    private final Consumer<IterationPoint> onPoint;
    private final double tolerance;
    private volatile int convergedAt;
    private IntSupplier workerLimit;

    /**
     * @param split   the split to evaluate on after each iteration, or null for no evaluation
     * @param onPoint called on the UI thread with each iteration's point
     * @param tolerance stop once the relative loss change of an iteration is below this (0: run every iteration)
     */
    TrainingWork(InteractionMatrix matrix, AlsParams params, FactorModel start, TrainTestSplit split, int evalUsers,
                 Consumer<IterationPoint> onPoint, double tolerance) {
        this.matrix = matrix;
        this.params = params;
        this.start = start;
        this.split = split;
        this.evalUsers = evalUsers;
        this.onPoint = onPoint;
        this.tolerance = tolerance;
    }

    /** How many of {@code threads} may work now under the worker limit (at least one). */
    private int allowed(int threads) {
        return workerLimit == null ? threads : Math.max(1, Math.min(threads, workerLimit.getAsInt()));
    }

    /** Asks {@code limit} before each chunk of rows how many worker threads may work (null: all). */
    TrainingWork limitWorkers(IntSupplier limit) {
        this.workerLimit = limit;
        return this;
    }

    /**
     * Whether an iteration whose loss went from {@code before} to {@code after} has converged:
     * {@code |before - after| / |before| < tolerance}. Unknown losses never converge.
     */
    static boolean converged(double before, double after, double tolerance) {
        if (!(tolerance > 0) || Double.isNaN(before) || Double.isNaN(after) || before == 0) {
            return false;
        }
        return Math.abs(before - after) / Math.abs(before) < tolerance;
    }

    @Override
    public Outcome run(WorkContext ctx) {
        int threads = params.effectiveThreads();
        // each evaluation runs on as many threads as the worker limit allows when it starts
        Function<FactorModel, Metrics> evaluator = split == null ? null
                : m -> LoadedData.PROTOCOL.evaluate(Scorer.of(m), split, evalUsers, allowed(threads));
        ctx.progress(0, "Iteration 0 of " + params.iterations());
        double[] previousLoss = {Double.NaN};
        TrainingOptions options = new TrainingOptions(report -> {
            IterationPoint p = IterationPoint.of(report);
            // the first iteration is compared with nothing: the start's loss was under other parameters
            if (converged(previousLoss[0], report.loss(), tolerance)) {
                convergedAt = report.iteration();
            }
            previousLoss[0] = report.loss();
            ctx.progress(report.iteration() / (double) params.iterations(), String.format(Locale.ROOT,
                    "Iteration %d of %d · %.2f s/iteration", report.iteration(), params.iterations(),
                    report.elapsed() / report.iteration()));
            ctx.publish(() -> onPoint.accept(p));
            // converged: the trainer stops before the next iteration, keeping this one's model
        }, true, evaluator, () -> convergedAt > 0 || ctx.cancelled(), workerLimit);
        TrainingResult r = AlsTrainer.train(matrix, params, start, options);
        return new Outcome(r, convergedAt);
    }
}
