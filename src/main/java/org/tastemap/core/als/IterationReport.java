package org.tastemap.core.als;

import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.FactorModel;

/**
 * What a listener hears after each iteration.
 *
 * @param iteration the iteration just finished, counted from 1 within this run
 * @param totalIterations the model's iterations including a warm start's
 * @param seconds   wall time of this iteration's solves; with the loss when it was asked for (it is computed
 *                  inside the artist half-step), without the held-out evaluation
 * @param elapsed   wall time since training started
 * @param loss      the full loss, or NaN when it was not asked for
 * @param metrics   held-out metrics, or null when not asked for
 * @param model     a snapshot of the factors after this iteration (immutable); null in
 *                  {@link TrainingResult#history()}, which keeps only the numbers so that a long run does
 *                  not hold one copy of the factors per iteration
 */
public record IterationReport(int iteration, int totalIterations, double seconds, double elapsed, double loss,
                              Metrics metrics, FactorModel model) {
    /** This report without its factors, as {@link TrainingResult#history()} keeps it. */
    public IterationReport withoutModel() {
        return new IterationReport(iteration, totalIterations, seconds, elapsed, loss, metrics, null);
    }

    public boolean hasLoss() {
        return !Double.isNaN(loss);
    }
}
