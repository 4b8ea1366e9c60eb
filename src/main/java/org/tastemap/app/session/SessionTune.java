package org.tastemap.app.session;

import java.util.List;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneMetric;
import org.tastemap.core.tune.TuneSpace;

/**
 * A tune as the session keeps it with its run-history entry, independent of the Train screen's
 * classes: everything its heatmap shows. Written by {@link TuneFile} as a JSON file beside
 * {@link SessionFile#NAME} (docs/session-file.md).
 *
 * @param space      the space tried: confidence kinds, factor counts, alphas, lambdas, refinement
 * @param metric     the validation metric the tune maximised (the value in each cell)
 * @param budget     the tune's budget in seconds (0: none)
 * @param baseline   the most-popular baseline on the validation listeners, or null when the tune stopped before it
 * @param candidates every finished candidate, in the order tried
 * @param chosen     the index ({@link org.tastemap.core.tune.Candidate#index()}) of the candidate the tune chose, or -1
 */
public record SessionTune(TuneSpace space, TuneMetric metric, double budget, Metrics baseline, List<CandidateResult> candidates,
                          int chosen) {
    public SessionTune {
        candidates = List.copyOf(candidates);
    }
}
