package org.tastemap.app.train;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.task.Work;
import org.tastemap.app.task.WorkContext;
import org.tastemap.core.als.AlsParams;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.FactorModel;

/**
 * The thin adapter between {@link AlsTrainer} and the UI: the trainer's listener becomes progress
 * updates and chart points published to the UI thread; the executor's cancel flag becomes the
 * trainer's {@code cancelled} supplier.
 */
final class TrainingWork implements Work<TrainingResult> {
    private final InteractionMatrix matrix;
    private final AlsParams params;
    private final FactorModel start;
    private final TrainTestSplit split;
    private final int evalUsers;
    private final Consumer<IterationPoint> onPoint;

    /**
     * @param split   the split to evaluate on after each iteration, or null for no evaluation
     * @param onPoint called on the UI thread with each iteration's point
     */
    TrainingWork(InteractionMatrix matrix, AlsParams params, FactorModel start, TrainTestSplit split, int evalUsers,
                 Consumer<IterationPoint> onPoint) {
        this.matrix = matrix;
        this.params = params;
        this.start = start;
        this.split = split;
        this.evalUsers = evalUsers;
        this.onPoint = onPoint;
    }

    @Override
    public TrainingResult run(WorkContext ctx) {
        int threads = params.effectiveThreads();
        Function<FactorModel, Metrics> evaluator = split == null ? null
                : m -> LoadedData.PROTOCOL.evaluate(Scorer.of(m), split, evalUsers, threads);
        ctx.progress(0, "Iteration 0 of " + params.iterations());
        TrainingOptions options = new TrainingOptions(report -> {
            IterationPoint p = IterationPoint.of(report);
            ctx.progress(report.iteration() / (double) params.iterations(), String.format(Locale.ROOT,
                    "Iteration %d of %d · %.2f s/iteration", report.iteration(), params.iterations(),
                    report.elapsed() / report.iteration()));
            ctx.publish(() -> onPoint.accept(p));
        }, true, evaluator, ctx::cancelled);
        return AlsTrainer.train(matrix, params, start, options);
    }
}
