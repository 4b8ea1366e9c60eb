package org.tastemap.core.tune;

import org.tastemap.core.model.AlsParams;

/**
 * One setting a tune tries.
 *
 * <p>For a heatmap over alpha x lambda: {@code alphaCell} and {@code lambdaCell} index
 * {@link TuneSpace#alphas()} and {@link TuneSpace#lambdas()}. Grid candidates sit exactly on their
 * cell; refinement candidates fall between grid values and carry the nearest cell on a log scale
 * (their exact values are in {@link #params()}). {@code confidenceCell} and {@code factorsCell} index
 * the other two lists, so a heatmap per (confidence, factors) pair is possible.
 *
 * @param index          0-based, in the order candidates are tried
 * @param phase          why the candidate was tried
 * @param params         the full settings (iterations is the most a candidate may run)
 * @param confidenceCell index into {@link TuneSpace#confidences()}, -1 for a default setting outside the space
 * @param factorsCell    index into {@link TuneSpace#factors()}, -1 likewise
 * @param alphaCell      index of the nearest grid alpha
 * @param lambdaCell     index of the nearest grid lambda
 */
public record Candidate(int index, Phase phase, AlsParams params, int confidenceCell, int factorsCell, int alphaCell,
                        int lambdaCell) {
    /** Why a candidate was tried. */
    public enum Phase {
        /** The default settings, always tried first, for the improvement the tune reports. */
        DEFAULTS,
        /** A cell of the coarse grid. */
        GRID,
        /** A point between grid values near the best cell. */
        REFINE,
        /**
         * The settings of a warm-started candidate that would have been chosen, re-run from the random
         * start as the final model trains; this run stands for those settings in the choice.
         */
        CHECK
    }
}
