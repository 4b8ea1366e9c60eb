package org.tastemap.core.tune;

import java.util.List;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.eval.Metrics;

/**
 * The outcome of a tune.
 *
 * @param status     why it ended
 * @param candidates every candidate tried, in order (a cancelled tune keeps those so far)
 * @param defaults   the defaults candidate's result (null if cancelled before it finished)
 * @param chosen     the scored candidate with the best validation value (the first in order among equals), or null
 * @param baseline   the most-popular baseline on the same validation listeners
 * @param finalTraining the chosen settings trained on all training rows; null when nothing was scored or the tune was cancelled before it; not completed when cancelled during it
 * @param seconds    the whole tune's time by its clock, final training included
 */
public record TuneResult(Status status, List<CandidateResult> candidates, CandidateResult defaults, CandidateResult chosen,
                         Metrics baseline, TrainingResult finalTraining, double seconds) {
    /** Why a tune ended. */
    public enum Status {
        /** The whole search ran. */
        COMPLETED,
        /** The budget ended the search early; the final model was still trained. */
        OUT_OF_TIME,
        /** The user cancelled: the candidates so far are kept, no final model. */
        CANCELLED
    }

    public TuneResult {
        candidates = List.copyOf(candidates);
    }

    /** The relative improvement of the chosen candidate over the defaults, e.g. 0.25 for 25%; NaN when unknown. */
    public double improvementOverDefaults() {
        if (chosen == null || defaults == null || !defaults.scored() || !(defaults.value() > 0)) {
            return Double.NaN;
        }
        return chosen.value() / defaults.value() - 1;
    }

    /** Whether a final model was trained to completion. */
    public boolean hasFinalModel() {
        return finalTraining != null && finalTraining.completed();
    }
}
