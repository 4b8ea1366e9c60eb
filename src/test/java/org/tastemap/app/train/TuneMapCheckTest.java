package org.tastemap.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneMetric;
import org.tastemap.core.tune.TuneSpace;

/**
 * Issue 11: a warm-started cell that the tuner re-ran from a random start (phase CHECK) is shown by
 * its re-run, which the tuner's choice follows: on its cell, as the best, and not twice off the grid.
 */
class TuneMapCheckTest {
    private static final TuneSpace SPACE = TuneSpace.defaults(8).withConfidences(List.of(ConfidenceKind.LOG))
            .withAlphas(List.of(1.0)).withLambdas(List.of(10.0, 100.0, 1000.0));
    private static final AlsParams P = AlsParams.defaults().withFactors(8).withAlpha(1);

    private static CandidateResult result(int index, Candidate.Phase phase, double lambda, int lambdaCell, int warmFrom, double map) {
        Candidate c = new Candidate(index, phase, P.withLambda(lambda), 0, 0, 0, lambdaCell);
        Metrics m = new Metrics(map, map, map, 0.9, 0.1, 10, 100);
        return new CandidateResult(c, CandidateResult.Outcome.STOPPED_EARLY, 2, 2, warmFrom, m, map, 0.1);
    }

    @Test
    void aReRunStandsForTheWarmCellItReplaced() {
        CandidateResult defaults = result(0, Candidate.Phase.DEFAULTS, 55, 1, -1, 0.20);
        CandidateResult cold = result(1, Candidate.Phase.GRID, 10, 0, -1, 0.21);
        CandidateResult warm = result(2, Candidate.Phase.GRID, 100, 1, 1, 0.25);
        CandidateResult other = result(3, Candidate.Phase.GRID, 1000, 2, 2, 0.05);
        CandidateResult check = result(4, Candidate.Phase.CHECK, 100, 1, -1, 0.22);
        CandidateResult refine = result(5, Candidate.Phase.REFINE, 150, 1, 4, 0.23);
        CandidateResult refineCheck = result(6, Candidate.Phase.CHECK, 150, 1, -1, 0.215);
        TuneMap m = TuneMap.empty(SPACE, TuneMetric.MAP, 0);
        for (CandidateResult r : List.of(defaults, cold, warm, other, check)) {
            m = m.withFinished(r);
        }
        TuneMap.Slice s = new TuneMap.Slice(0, 0);
        // the tuner chose the re-run (0.22): the warm 0.25 no longer counts
        assertSame(check, m.cell(s, 0, 1));
        assertSame(check, m.best());
        assertEquals(List.of(cold, other, check), m.scoredCells(s));
        assertEquals(List.of(defaults), m.offGrid());
        // a re-run of a refinement point is listed off the grid in its place
        m = m.withFinished(refine).withFinished(refineCheck);
        assertEquals(List.of(defaults, refineCheck), m.offGrid());
        assertSame(check, m.best());
    }
}
