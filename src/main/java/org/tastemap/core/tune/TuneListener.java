package org.tastemap.core.tune;

import org.tastemap.core.als.IterationReport;

/**
 * Hears about a tune's progress, on the tuning thread (a UI must hand events to its own thread).
 * Every candidate gets {@link #started} then {@link #finished}, in {@link Candidate#index()} order;
 * the final training's iterations follow. All methods do nothing by default.
 */
public interface TuneListener {
    /** The most-popular baseline on the validation listeners, before any candidate (to show beside each). */
    default void baseline(org.tastemap.core.eval.Metrics metrics) {
    }

    /** A candidate begins training (a heatmap outlines its cell). */
    default void started(Candidate candidate) {
    }

    /** A candidate is done (a heatmap fills its cell with {@code result.value()}). */
    default void finished(CandidateResult result) {
    }

    /** The search is over and the final model starts training on all rows with {@code chosen}'s settings. */
    default void finalTrainingStarted(CandidateResult chosen, int iterations) {
    }

    /** An iteration of the final training finished. */
    default void finalIteration(IterationReport report) {
    }

    TuneListener NONE = new TuneListener() {
    };
}
