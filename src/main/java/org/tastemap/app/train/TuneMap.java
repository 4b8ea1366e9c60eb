package org.tastemap.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneMetric;
import org.tastemap.core.tune.TuneSpace;

/**
 * What the tune heatmap shows, as an immutable snapshot: the space searched, the candidates finished
 * so far (in the order they were tried), the one running, and the most-popular baseline. Built on
 * the tuning thread and handed to the UI thread whole, so the two never share a changing list.
 *
 * @param space    the grid searched
 * @param metric   the validation metric the tune maximises (the value in each cell)
 * @param baseline the most-popular baseline on the validation listeners, or null before it is known
 * @param results  every finished candidate, in order
 * @param running  the candidate now training, or null
 * @param budget   the tune's budget in seconds (0: none)
 * @param chosen   the index of the candidate the tune chose once it ended ({@link org.tastemap.core.tune.TuneResult#chosen()}), else -1
 */
public record TuneMap(TuneSpace space, TuneMetric metric, Metrics baseline, List<CandidateResult> results, Candidate running,
                      double budget, int chosen) {
    /** One confidence kind and factor count of the grid: one alpha x lambda map. */
    public record Slice(int confidenceCell, int factorsCell) {
    }

    public TuneMap {
        results = List.copyOf(results);
    }

    /** A map of a tune that has not ended (nothing chosen yet). */
    public TuneMap(TuneSpace space, TuneMetric metric, Metrics baseline, List<CandidateResult> results, Candidate running,
                   double budget) {
        this(space, metric, baseline, results, running, budget, -1);
    }

    /** The map of a tune kept by the session (nothing running). */
    public static TuneMap of(org.tastemap.app.session.SessionTune t) {
        return new TuneMap(t.space(), t.metric(), t.baseline(), t.candidates(), null, t.budget(), t.chosen());
    }

    /** What the session keeps of this map: all but the candidate running. */
    public org.tastemap.app.session.SessionTune saved() {
        return new org.tastemap.app.session.SessionTune(space, metric, budget, baseline, results, chosen);
    }

    /** An empty map over {@code space}, before any candidate. */
    static TuneMap empty(TuneSpace space, TuneMetric metric, double budget) {
        return new TuneMap(space, metric, null, List.of(), null, budget);
    }

    TuneMap withBaseline(Metrics m) {
        return new TuneMap(space, metric, m, results, running, budget, chosen);
    }

    TuneMap withRunning(Candidate c) {
        return new TuneMap(space, metric, baseline, results, c, budget, chosen);
    }

    /** The map with {@code r} finished (and nothing running until the next candidate starts). */
    TuneMap withFinished(CandidateResult r) {
        List<CandidateResult> all = new ArrayList<>(results);
        all.add(r);
        return new TuneMap(space, metric, baseline, all, null, budget, chosen);
    }

    /** The map of a tune that ended: every candidate it kept, nothing running. */
    TuneMap withFinishedAll(org.tastemap.core.tune.TuneResult t) {
        return new TuneMap(space, metric, t.baseline(), t.candidates(), null, budget,
                t.chosen() == null ? -1 : t.chosen().candidate().index());
    }

    /** Every (confidence, factors) pair of the grid, confidence first, as the tuner walks them. */
    public List<Slice> slices() {
        List<Slice> out = new ArrayList<>();
        for (int c = 0; c < space.confidences().size(); c++) {
            for (int f = 0; f < space.factors().size(); f++) {
                out.add(new Slice(c, f));
            }
        }
        return out;
    }

    /** "log · k 64" */
    public String sliceName(Slice s) {
        return org.tastemap.app.Format.confidenceShort(space.confidences().get(s.confidenceCell())) + " · k "
                + space.factors().get(s.factorsCell());
    }

    /**
     * The grid candidate finished in a cell of a slice, or null while it has not run; once a re-run from
     * a random start ({@link Candidate.Phase#CHECK}) replaced a warm-started cell, the re-run.
     */
    public CandidateResult cell(Slice s, int alphaCell, int lambdaCell) {
        CandidateResult out = null;
        for (CandidateResult r : results) {
            if (standsOnGrid(r) && inSlice(r.candidate(), s) && r.candidate().alphaCell() == alphaCell
                    && r.candidate().lambdaCell() == lambdaCell) {
                out = r;
            }
        }
        return out;
    }

    /** Whether the running candidate is a grid cell of this slice (to outline it). */
    public boolean runningIn(Slice s, int alphaCell, int lambdaCell) {
        return running != null && onGrid(running) && inSlice(running, s) && running.alphaCell() == alphaCell
                && running.lambdaCell() == lambdaCell;
    }

    /** The candidates off the grid: the defaults, the refinement points between grid values and their re-runs, in order (a warm one a re-run replaced left out). */
    public List<CandidateResult> offGrid() {
        return results.stream().filter(r -> !onGrid(r.candidate()) && !standsOnGrid(r) && !rerun(r)).toList();
    }

    /** The scored candidate with the highest value, the first in order among equals (as the tuner chooses); null when none. */
    public CandidateResult best() {
        CandidateResult best = null;
        for (CandidateResult r : results) {
            if (r.scored() && (best == null || r.value() > best.value()) && !rerun(r)) {
                best = r;
            }
        }
        return best;
    }

    /** A grid cell's result that no re-run replaced, or a re-run of a grid cell's settings, which stands for that cell. */
    private boolean standsOnGrid(CandidateResult r) {
        Candidate c = r.candidate();
        if (c.phase() == Candidate.Phase.CHECK) {
            return results.stream().anyMatch(g -> onGrid(g.candidate()) && g.candidate().params().equals(c.params()));
        }
        return onGrid(c) && !rerun(r);
    }

    /** Whether a later re-run from a random start ({@link Candidate.Phase#CHECK}) stands for {@code r}'s settings, as in the tuner's choice. */
    private boolean rerun(CandidateResult r) {
        return r.warmFrom() >= 0 && results.stream().anyMatch(c -> c.candidate().phase() == Candidate.Phase.CHECK
                && c.candidate().index() > r.candidate().index() && c.candidate().params().equals(r.candidate().params()));
    }

    /** The slice the best candidate belongs to (the first slice when it is none of the grid's). */
    public Slice bestSlice() {
        CandidateResult b = best();
        if (b == null || b.candidate().confidenceCell() < 0 || b.candidate().factorsCell() < 0) {
            return new Slice(0, 0);
        }
        return new Slice(b.candidate().confidenceCell(), b.candidate().factorsCell());
    }

    /** The scored grid cells of a slice. */
    public List<CandidateResult> scoredCells(Slice s) {
        return results.stream().filter(r -> standsOnGrid(r) && inSlice(r.candidate(), s) && r.scored()).toList();
    }

    /** Finished grid cells over all slices. */
    public int cellsDone() {
        return (int) results.stream().filter(r -> onGrid(r.candidate())).count();
    }

    /**
     * The candidates a full tune tries: the defaults, the grid, and with refinement the golden-section
     * steps the tuner takes ({@link org.tastemap.core.tune.TuneOptions#refineSteps()} on lambda, about half on alpha).
     */
    static int planned(TuneSpace space, int refineSteps) {
        return 1 + space.gridSize() + (space.refine() ? refineSteps + (refineSteps + 1) / 2 : 0);
    }

    private static boolean onGrid(Candidate c) {
        return c.phase() == Candidate.Phase.GRID;
    }

    private static boolean inSlice(Candidate c, Slice s) {
        return c.confidenceCell() == s.confidenceCell() && c.factorsCell() == s.factorsCell();
    }

    /** A grid value in plain digits: 0.001, 0.3, 10000 (three significant digits, no exponent). */
    public static String plain(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    /** A candidate's settings in words: "log · k 64 · α 3 · λ 0.1". */
    public static String settings(AlsParams p) {
        return org.tastemap.app.Format.confidenceShort(p.confidence()) + " · k " + p.factors() + " · α " + plain(p.alpha())
                + " · λ " + plain(p.lambda());
    }

    /** Everything known about a candidate, one fact per line: the tooltip of its cell. */
    public String describe(CandidateResult r) {
        StringBuilder b = new StringBuilder();
        String phase = switch (r.candidate().phase()) {
            case DEFAULTS -> "The defaults: ";
            case GRID -> "";
            case REFINE -> "Refined between grid values: ";
            case CHECK -> "Re-run from a random start, as the final model trains: ";
        };
        b.append(phase).append(settings(r.candidate().params())).append('\n');
        Metrics m = r.metrics();
        if (m == null) {
            b.append("No score: ").append(outcome(r)).append('\n');
        } else {
            b.append(String.format(Locale.ROOT, "MAP@10 %.4f · NDCG@10 %.4f · precision@10 %.4f%n", m.mapAtK(), m.ndcgAtK(),
                    m.precisionAtK()));
        }
        if (baseline != null) {
            b.append(String.format(Locale.ROOT, "Most popular baseline: MAP@10 %.4f · NDCG@10 %.4f · precision@10 %.4f%n",
                    baseline.mapAtK(), baseline.ndcgAtK(), baseline.precisionAtK()));
        }
        b.append(String.format(Locale.ROOT, "%d iteration%s (best at %d, %s) · %.2f s", r.iterations(), r.iterations() == 1 ? "" : "s",
                r.bestIteration(), outcome(r), r.seconds()));
        if (r.warmFrom() >= 0) {
            b.append(" · warm from candidate ").append(r.warmFrom() + 1);
        }
        CandidateResult best = best();
        if (best != null && best.candidate().index() == r.candidate().index()) {
            b.append("\n★ The best of the tune");
        }
        return b.toString();
    }

    private static String outcome(CandidateResult r) {
        return switch (r.outcome()) {
            case COMPLETED -> "ran every iteration";
            case STOPPED_EARLY -> "stopped early";
            case OUT_OF_TIME -> "the budget ran out";
            case CANCELLED -> "cancelled";
            case DIVERGED -> "diverged";
        };
    }
}
