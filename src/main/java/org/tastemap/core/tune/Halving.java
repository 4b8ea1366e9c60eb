package org.tastemap.core.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;

/**
 * Successive halving ({@link TuneOptions.Strategy#HALVING}), the alternative to the grid with early
 * stopping that the README's "Tuning" section compares: every cell of the grid runs
 * {@link #RUNGS}[0] iterations from a random start; the best third (at least one) continues from its
 * own factors to {@link #RUNGS}[1] iterations, the best third of those to the full length. A cell
 * continued from its own factors follows the same path as one longer run (training is deterministic),
 * so no neighbour's model biases it. Each rung of a cell is reported as a candidate of its own (its
 * iterations run are the rung's; its settings the full ones); the chosen candidate is the best of the last rung, or the defaults.
 */
final class Halving {
    /** Iterations a cell has run at the end of each rung (the last one is capped by the full length). */
    static final int[] RUNGS = {2, 6, Integer.MAX_VALUE};
    /** The share of a rung's cells that continue: the best third. */
    static final int KEEP_ONE_IN = 3;

    private Halving() {
    }

    /** Every cell of the grid of {@code s} around {@code base}, lambda descending within each alpha. */
    static List<AlsParams> cells(TuneSpace s, AlsParams base) {
        List<AlsParams> cells = new ArrayList<>();
        for (ConfidenceKind kind : s.confidences()) {
            for (int k : s.factors()) {
                for (double a : s.alphas()) {
                    for (int lj = s.lambdas().size() - 1; lj >= 0; lj--) {
                        cells.add(base.withConfidence(kind).withFactors(k).withAlpha(a).withLambda(s.lambdas().get(lj)));
                    }
                }
            }
        }
        return cells;
    }

    static void run(Tuner tuner, List<AlsParams> cells, int full, CandidateResult defaults) {
        List<AlsParams> arms = new ArrayList<>(cells);
        List<Starts.Slot> slots = new ArrayList<>();
        arms.forEach(a -> slots.add(null));
        List<CandidateResult> last = new ArrayList<>();
        int done = 0;
        for (int rung = 0; rung < RUNGS.length && done < full; rung++) {
            int until = Math.min(RUNGS[rung], full);
            List<Starts.Slot> next = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                if (!tuner.searching()) {
                    return;
                }
                // continue the cell from its own factors for the rung's iterations, without early stopping
                CandidateResult r = tuner.evaluate(Candidate.Phase.GRID, arms.get(i), slots.get(i), false, until - done);
                if (r == null) {
                    return;
                }
                next.add(r.scored() ? tuner.starts.previous : null);
            }
            done = until;
            // the best third (at least one) of the scored cells goes on
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < next.size(); i++) {
                if (next.get(i) != null) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -next.get(i).result().value()));
            boolean lastRung = done >= full;
            int keep = lastRung ? order.size() : Math.max(1, (order.size() + KEEP_ONE_IN - 1) / KEEP_ONE_IN);
            List<AlsParams> a2 = new ArrayList<>();
            List<Starts.Slot> s2 = new ArrayList<>();
            last.clear();
            for (int i : order.subList(0, keep)) {
                a2.add(arms.get(i));
                s2.add(next.get(i));
                last.add(next.get(i).result());
            }
            arms = a2;
            slots.clear();
            slots.addAll(s2);
        }
        // the choice: the best of the last rung run, or the defaults when they are better
        CandidateResult chosen = defaults != null && defaults.scored() ? defaults : null;
        for (CandidateResult r : last) {
            if (chosen == null || r.value() > chosen.value()) {
                chosen = r;
            }
        }
        if (chosen != null) {
            tuner.choose(chosen);
        }
    }
}
