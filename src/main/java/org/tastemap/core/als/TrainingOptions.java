package org.tastemap.core.als;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.linalg.Gram;
import org.tastemap.core.model.FactorModel;

/**
 * How a training run reports and stops.
 *
 * @param listener    told after every iteration
 * @param computeLoss compute the full loss after each iteration (costs about one Gram matrix and one pass over the non-zeros)
 * @param evaluator   computes held-out metrics for a snapshot, or null for none
 * @param cancelled   polled between chunks of rows; training stops within a chunk's time once it is true
 * @param workerLimit how many of the worker threads may take rows now, asked before each chunk (null: all);
 *                    the app lowers it while a person types ({@link RowParallel#limitWorkers})
 */
public record TrainingOptions(TrainingListener listener, boolean computeLoss, Function<FactorModel, Metrics> evaluator,
                              BooleanSupplier cancelled, IntSupplier workerLimit) {
    public TrainingOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancelled, "cancelled");
    }

    /** Options with every worker thread allowed at all times. */
    public TrainingOptions(TrainingListener listener, boolean computeLoss, Function<FactorModel, Metrics> evaluator,
                           BooleanSupplier cancelled) {
        this(listener, computeLoss, evaluator, cancelled, null);
    }

    public static TrainingOptions quiet() {
        return new TrainingOptions(TrainingListener.NONE, false, null, () -> false);
    }

    public TrainingOptions withListener(TrainingListener l) {
        return new TrainingOptions(l, computeLoss, evaluator, cancelled, workerLimit);
    }

    public TrainingOptions withLoss(boolean v) {
        return new TrainingOptions(listener, v, evaluator, cancelled, workerLimit);
    }

    public TrainingOptions withEvaluator(Function<FactorModel, Metrics> e) {
        return new TrainingOptions(listener, computeLoss, e, cancelled, workerLimit);
    }

    public TrainingOptions withCancel(BooleanSupplier c) {
        return new TrainingOptions(listener, computeLoss, evaluator, c, workerLimit);
    }

    public TrainingOptions withWorkerLimit(IntSupplier limit) {
        return new TrainingOptions(listener, computeLoss, evaluator, cancelled, limit);
    }
}
