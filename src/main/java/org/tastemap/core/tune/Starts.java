package org.tastemap.core.tune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;

/**
 * Where a tune's candidates start: a neighbour's factors (a warm start) or the seeded random start,
 * which is drawn once per factor count and seed and shared (training from it is training from no
 * start, bit for bit: {@link AlsTrainer#randomStart}).
 *
 * <p>Warm starts go one way only: from a smaller lambda to a larger one at the same confidence,
 * factors and alpha (the grid walks each row of lambdas upwards). Measured (README, "Tuning"), the
 * other way overrates: a candidate started from a more regularised neighbour's good factors stays
 * in that neighbour's basin (on light plays, alpha 1: lambda 10 from lambda 100 scored 0.230, from a
 * random start, as the final model trains, 0.171), and that overrating chose lambda 10. Upwards a
 * candidate near the collapse lambda is overrated too (it decays slowly from good factors), but
 * only ever below the neighbour it started from; the tuner re-runs a warm-started choice from a
 * random start before it keeps it ({@link Candidate.Phase#CHECK}).
 */
final class Starts {
    /** A finished candidate's kept factors. */
    record Slot(CandidateResult result, FactorModel model) {
    }

    private final InteractionMatrix matrix;
    private final boolean warm;
    private final Map<List<Object>, FactorModel> random = new HashMap<>();
    /** The best scored candidate per confidence, factor count and alpha. */
    private final Map<List<Object>, Slot> bestByRow = new HashMap<>();
    /** The last scored candidate, or null after one that was not scored. */
    Slot previous;

    Starts(InteractionMatrix matrix, boolean warm) {
        this.matrix = matrix;
        this.warm = warm;
    }

    /** The seeded random start of {@code p}, drawn once per factor count and seed, as a model of 0 iterations with p's settings. */
    FactorModel random(AlsParams p) {
        FactorModel r = random.computeIfAbsent(List.of(p.factors(), p.seed()),
                key -> AlsTrainer.randomStart(matrix.numUsers(), matrix.numItems(), p));
        return new FactorModel(r.factors(), r.numUsers(), r.numItems(), r.userFactors(), r.itemFactors(), p, 0);
    }

    /** Records a finished candidate and its last factors (null when it was not scored). */
    void kept(CandidateResult r, FactorModel model) {
        if (!r.scored()) {
            previous = null;
            return;
        }
        Slot slot = new Slot(r, model);
        previous = slot;
        Slot b = bestByRow.get(row(r.candidate().params()));
        if (b == null || r.value() > b.result().value()) {
            bestByRow.put(row(r.candidate().params()), slot);
        }
    }

    /**
     * The factors {@code p} starts from: those of the candidate before it, else of the best so far in its
     * row (confidence, factors and alpha), if that one has a smaller lambda and is healthy (at least half
     * of {@code best}: a collapsed neighbour's near-zero factors would only slow p down); else null, the
     * random start. Always null without warm starts.
     */
    Slot warmFor(AlsParams p, double best) {
        if (!warm) {
            return null;
        }
        for (Slot s : new Slot[] {previous, bestByRow.get(row(p))}) {
            if (s == null) {
                continue;
            }
            AlsParams n = s.result().candidate().params();
            if (row(n).equals(row(p)) && n.lambda() < p.lambda() && s.result().value() >= 0.5 * best) {
                return s;
            }
        }
        return null;
    }

    /** The row of warm starts: confidence, factor count and alpha (exactly). */
    private static List<Object> row(AlsParams p) {
        return List.of(p.confidence(), p.factors(), p.alpha());
    }
}
