package org.tastemap.core.tune;

import org.tastemap.core.eval.Metrics;

/**
 * What one candidate reached.
 *
 * @param candidate     the setting
 * @param outcome       how its training ended
 * @param iterations    iterations run (including those after its best, which early stopping needs to see)
 * @param bestIteration the iteration with the highest value, counted from 1; 0 when none finished
 * @param warmFrom      the index of the candidate whose factors it started from, or -1 for a random start
 * @param metrics       validation metrics of its last iteration, or null when no iteration finished
 * @param value         the tune's metric of {@code metrics} (NaN when none)
 * @param seconds       time taken, training and validation included
 */
public record CandidateResult(Candidate candidate, Outcome outcome, int iterations, int bestIteration, int warmFrom,
                              Metrics metrics, double value, double seconds) {
    /** How a candidate's training ended. */
    public enum Outcome {
        /** It ran every iteration allowed. */
        COMPLETED,
        /** The validation metric stopped improving. */
        STOPPED_EARLY,
        /** The budget ran out during it. */
        OUT_OF_TIME,
        /** The user cancelled during it. */
        CANCELLED,
        /** The factors became infinite or NaN. */
        DIVERGED
    }

    /** Whether it has a validation value to compare. */
    public boolean scored() {
        return !Double.isNaN(value);
    }
}
