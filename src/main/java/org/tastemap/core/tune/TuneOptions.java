package org.tastemap.core.tune;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.tastemap.core.model.AlsParams;

/**
 * How a tune runs.
 *
 * @param base          the settings a candidate does not vary (solver, CG steps, eps, BM25...), and the
 *                      defaults candidate itself; {@code iterations} is the most any candidate runs, and
 *                      the final model's iterations; {@code seed} seeds the random starts, the validation
 *                      split and the sample of validation listeners; {@code threads} the workers
 * @param space         where to search
 * @param metric        what to maximise
 * @param budgetSeconds the time the whole tune may take, final training included; 0 for no limit
 * @param patience      a candidate stops once its validation value has settled for this many iterations in a row
 *                      ({@link StopRule}); at least {@code base.iterations()} turns early stopping off
 * @param evalUsers     validation listeners evaluated (a seeded sample)
 * @param refineSteps   golden-section steps on log-lambda (and about half as many on log-alpha) after the grid
 * @param warmStarts    whether candidates start from a neighbour's factors ({@link Starts})
 * @param clock         nanoseconds, for the budget and the seconds reported ({@link System#nanoTime} unless a test controls it)
 * @param trainFinal    train the final model on all training rows at the end (off when the caller trains it itself)
 * @param strategy      how the search moves through the space ({@link Strategy})
 */
public record TuneOptions(AlsParams base, TuneSpace space, TuneMetric metric, double budgetSeconds, int patience,
                          int evalUsers, int refineSteps, boolean warmStarts, LongSupplier clock, boolean trainFinal,
                          Strategy strategy) {
    /** How a tune searches (compared in the README, "Tuning"). */
    public enum Strategy {
        /** The coarse grid with early stopping, then golden-section refinement around its best cell: the default. */
        GRID,
        /**
         * Successive halving over the grid: every cell runs 2 iterations, the best third continues to 6, the
         * best third of those to the full length (each from its own factors), without early stopping or refinement.
         */
        HALVING
    }
    /** The options before strategies existed: {@link Strategy#GRID}. */
    public TuneOptions(AlsParams base, TuneSpace space, TuneMetric metric, double budgetSeconds, int patience,
                       int evalUsers, int refineSteps, boolean warmStarts, LongSupplier clock, boolean trainFinal) {
        this(base, space, metric, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, clock, trainFinal, Strategy.GRID);
    }

    /** The share of each listener's training artists held out for validation. */
    public static final double VALIDATION_FRACTION = 0.2;

    public TuneOptions {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(strategy, "strategy");
        base.validate();
        if (!(budgetSeconds >= 0) || Double.isInfinite(budgetSeconds)) {
            throw new IllegalArgumentException("The budget must be a finite number of seconds, at least 0 (got " + budgetSeconds + ").");
        }
        if (patience < 1 || evalUsers < 1 || refineSteps < 0) {
            throw new IllegalArgumentException("patience and evalUsers must be at least 1, refineSteps at least 0");
        }
    }

    /**
     * The defaults around {@code base}: {@link TuneSpace#defaults} at its factors, MAP@10, no budget,
     * patience 1 (see {@link StopRule}), 2,000 validation listeners, 4 refinement steps, warm starts
     * ({@link Starts}: from a smaller lambda to a larger one, a warm-started choice re-run from the random
     * start; measured in the README, "Tuning", they choose the same settings as cold, full-length runs
     * on 6 generated files, with about a quarter fewer iterations than cold starts with early stopping).
     */
    public static TuneOptions defaults(AlsParams base) {
        return new TuneOptions(base, TuneSpace.defaults(base.factors()), TuneMetric.MAP, 0, 1, 2000, 4, true, System::nanoTime, true);
    }

    /** The same options around other base settings (e.g. with the data's default lambda, so that the defaults candidate is the defaults). */
    public TuneOptions withBase(AlsParams v) {
        return new TuneOptions(v, space, metric, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, clock, trainFinal, strategy);
    }

    public TuneOptions withSpace(TuneSpace v) {
        return new TuneOptions(base, v, metric, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, clock, trainFinal, strategy);
    }

    public TuneOptions withMetric(TuneMetric v) {
        return new TuneOptions(base, space, v, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, clock, trainFinal, strategy);
    }

    public TuneOptions withBudget(double seconds) {
        return new TuneOptions(base, space, metric, seconds, patience, evalUsers, refineSteps, warmStarts, clock, trainFinal, strategy);
    }

    /** A patience of at least {@code base.iterations()} and no warm starts give cold, full-length runs. */
    public TuneOptions withPatience(int v) {
        return new TuneOptions(base, space, metric, budgetSeconds, v, evalUsers, refineSteps, warmStarts, clock, trainFinal, strategy);
    }

    public TuneOptions withEvalUsers(int v) {
        return new TuneOptions(base, space, metric, budgetSeconds, patience, v, refineSteps, warmStarts, clock, trainFinal, strategy);
    }

    public TuneOptions withRefineSteps(int v) {
        return new TuneOptions(base, space, metric, budgetSeconds, patience, evalUsers, v, warmStarts, clock, trainFinal, strategy);
    }

    public TuneOptions withWarmStarts(boolean v) {
        return new TuneOptions(base, space, metric, budgetSeconds, patience, evalUsers, refineSteps, v, clock, trainFinal, strategy);
    }

    public TuneOptions withClock(LongSupplier v) {
        return new TuneOptions(base, space, metric, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, v, trainFinal, strategy);
    }

    public TuneOptions withStrategy(Strategy v) {
        return new TuneOptions(base, space, metric, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, clock, trainFinal, v);
    }

    public TuneOptions withTrainFinal(boolean v) {
        return new TuneOptions(base, space, metric, budgetSeconds, patience, evalUsers, refineSteps, warmStarts, clock, v, strategy);
    }
}
