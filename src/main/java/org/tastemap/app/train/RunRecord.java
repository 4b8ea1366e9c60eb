package org.tastemap.app.train;

import java.util.Locale;
import org.tastemap.core.model.AlsParams;

/**
 * A training run in the history table, finished or not.
 *
 * @param warm       warm-started from the previous model
 * @param iterations iterations this run finished
 * @param loss       final loss (NaN when unknown)
 * @param map        final held-out MAP@10 (NaN without evaluation)
 * @param seconds    wall time of the run
 * @param ending     how the run ended
 * @param tune       for a tune's entry, its heatmap, kept by the session (null for a training run, and for a
 *                   tune whose map was not kept by an older session or whose tune file could not be read)
 */
public record RunRecord(int number, AlsParams params, boolean warm, int iterations, double loss, double map,
                        double seconds, Ending ending, TuneMap tune) {
    /** How a run ended. */
    public enum Ending {
        /** The relative loss change fell below {@link TrainViewModel#CONVERGENCE} before the set iterations. */
        CONVERGED,
        /** Ran all the iterations it was set to. */
        REACHED,
        /** Stopped by the user or replaced by a newer run; the previous model was kept. */
        CANCELLED,
        /** Failed (diverged, ran out of memory...); the previous model was kept. */
        FAILED,
        /** A tune: its chosen settings trained on the training rows became the model. */
        TUNED
    }

    /** A run without a tune's map. */
    public RunRecord(int number, AlsParams params, boolean warm, int iterations, double loss, double map, double seconds,
                     Ending ending) {
        this(number, params, warm, iterations, loss, map, seconds, ending, null);
    }

    /** A run that ran all its iterations. */
    public RunRecord(int number, AlsParams params, boolean warm, int iterations, double loss, double map, double seconds) {
        this(number, params, warm, iterations, loss, map, seconds, Ending.REACHED);
    }

    /** A run from what the trainer returned (its last iteration's loss and MAP@10; NaN when none finished or no result). */
    static RunRecord of(int number, AlsParams p, boolean warm, int done, org.tastemap.core.als.TrainingResult result,
                        double seconds, Ending ending) {
        var last = result == null || result.history().isEmpty() ? null : result.history().get(result.history().size() - 1);
        return new RunRecord(number, p, warm, done, last == null ? Double.NaN : last.loss(),
                last == null || last.metrics() == null ? Double.NaN : last.metrics().mapAtK(), seconds, ending);
    }

    public String describe() {
        return String.format(Locale.ROOT, "k=%d, alpha=%.3g, lambda=%.3g, %s, %s", params.factors(), params.alpha(),
                params.lambda(), params.confidence().name().toLowerCase(Locale.ROOT),
                params.solver().name().toLowerCase(Locale.ROOT));
    }

    /** How the run ended, for the history table: "converged at iteration 7", "reached 10 iterations"... */
    public String endingText() {
        if (tune != null && ending == Ending.CANCELLED) {
            return "tune stopped after " + candidates(tune.results().size());
        }
        return switch (ending) {
            case TUNED -> tune == null ? "tuned" : "tuned: " + candidates(tune.results().size());
            case CONVERGED -> "converged at iteration " + iterations;
            case REACHED -> "reached " + iterations + " iteration" + (iterations == 1 ? "" : "s");
            case CANCELLED -> "cancelled after " + iterations + " iteration" + (iterations == 1 ? "" : "s");
            case FAILED -> "failed after " + iterations + " iteration" + (iterations == 1 ? "" : "s");
        };
    }

    private static String candidates(int n) {
        return n + " candidate" + (n == 1 ? "" : "s");
    }

    /** Whether this entry is a tune's (also when its map was not kept). */
    public boolean isTune() {
        return tune != null || ending == Ending.TUNED;
    }

    /** Whether the run produced the model it describes (so "Use" can compare the model with it). */
    public boolean finished() {
        return ending == Ending.CONVERGED || ending == Ending.REACHED || ending == Ending.TUNED;
    }
}
