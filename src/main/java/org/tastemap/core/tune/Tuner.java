package org.tastemap.core.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.ConfidenceCache;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.tune.CandidateResult.Outcome;

/**
 * Finds ALS settings that fit the data: confidence, alpha, lambda and factors, scored on a
 * validation split carved from the training rows only ({@link #validationSplit}: 20% of the
 * artists of each listener with at least 5, seeded), so rows held out for testing are never seen.
 *
 * <p>The search:
 * <ol>
 *   <li>the defaults ({@link TuneOptions#base()}), from a random start;</li>
 *   <li>the coarse grid of {@link TuneSpace}, per confidence, factor count and alpha (ascending), lambda
 *       ascending. A cell with the settings of an earlier candidate (the defaults on the grid) takes
 *       that candidate's result instead of training again;</li>
 *   <li>refinement around the best cell: golden-section search on log10(lambda) inside the bracket of
 *       the grid lambdas either side of the best, then on log10(alpha) likewise.</li>
 * </ol>
 * With {@link TuneOptions#warmStarts()} a candidate may start from the factors of a neighbour with a
 * smaller lambda ({@link Starts}); when a warm-started candidate would be chosen (after the grid, and
 * again after refinement), its settings run again from the random start, as the final model trains,
 * and that run stands for them ({@link #verify}). Cold candidates and the final model share one seeded
 * random start, drawn once.
 * Each candidate runs at most {@code base.iterations()} iterations and is evaluated after every one
 * on a seeded sample of validation listeners; {@link StopRule} ends it early once its value has
 * settled, or once it is below the best so far and can no longer reach it. Its value and kept
 * factors are those of its last iteration: a setting that overfits as it converges (the metric
 * peaks, then falls) is scored on the way down, as its final model would be.
 *
 * <p>The budget covers everything, final training included: a candidate starts only if the mean
 * time of those before it still fits beside a reserve for the final training (the time per
 * iteration so far, scaled by the rows, times the iterations); a running candidate stops when its
 * next iteration would not fit; the final training runs fewer iterations if the reserve fell short.
 * The result depends only on the data, the options and the thread count, except where the budget cut it short.
 */
public final class Tuner {
    /** Golden-section ratio 1 - 1/phi: a new point splits the larger segment at this share. */
    private static final double GOLDEN = 0.3819660112501051;
    /** No candidate stops before this many iterations: the first from a random start says little on its own. */
    static final int MIN_ITERATIONS = 2;

    private final InteractionMatrix train;
    private final TuneOptions o;
    private final TuneListener listener;
    private final BooleanSupplier cancel;
    private final TrainTestSplit validation;
    private final Holdout protocol;
    private final int threads;
    private final long t0;
    /** The confidences of the validation training rows, for every candidate (the same floats, faster). */
    private final ConfidenceCache confidences;
    private final List<CandidateResult> results = new ArrayList<>();
    /** Where candidates start: warm from a neighbour, or the shared random start. */
    final Starts starts;
    /** Indexes of warm-started candidates whose settings a re-run from a random start replaced ({@link #verify}). */
    private final Set<Integer> superseded = new HashSet<>();
    private Starts.Slot defaultsSlot;
    private CandidateResult best;
    private final IterationClock iterationClock = new IterationClock();
    private boolean outOfTime;
    private boolean cancelled;

    private Tuner(InteractionMatrix train, TuneOptions o, TuneListener listener, BooleanSupplier cancel) {
        this.train = train;
        this.o = o;
        this.listener = listener;
        this.cancel = cancel;
        this.t0 = o.clock().getAsLong();
        this.protocol = new Holdout(TuneOptions.VALIDATION_FRACTION, o.base().seed());
        this.validation = validationSplit(train, o.base().seed());
        this.threads = o.base().effectiveThreads();
        this.confidences = new ConfidenceCache(validation.train());
        this.starts = new Starts(validation.train(), o.warmStarts());
    }

    /** The validation split a tune with this seed carves from {@code train}: every validation cell is a cell of {@code train}. */
    public static TrainTestSplit validationSplit(InteractionMatrix train, long seed) {
        return new Holdout(TuneOptions.VALIDATION_FRACTION, seed).split(train);
    }

    /**
     * Tunes on {@code train} (the rows the user did not hold out) and trains the final model on all of
     * them. {@code cancel} is polled often; once true the tune ends within a training chunk's time,
     * keeping the candidates so far.
     */
    public static TuneResult tune(InteractionMatrix train, TuneOptions options, TuneListener listener, BooleanSupplier cancel) {
        return new Tuner(train, options, listener, cancel).run();
    }

    private TuneResult run() {
        Metrics baseline = protocol.evaluate(Scorer.popularity(validation.train()), validation, o.evalUsers(), threads);
        listener.baseline(baseline);
        TuneSpace s = o.space();
        CandidateResult defaults = evaluate(Candidate.Phase.DEFAULTS, o.base(), null, true);
        if (defaults != null && defaults.scored()) {
            defaultsSlot = starts.previous;
        }
        if (o.strategy() == TuneOptions.Strategy.HALVING) {
            Halving.run(this, Halving.cells(s, o.base()), o.base().iterations(), defaults);
        } else {
            grid();
        }
        TrainingResult fin = null;
        searching();   // notices a cancel that came after the last candidate
        if (!cancelled && best != null && o.trainFinal()) {
            fin = finalTraining();
        }
        TuneResult.Status status = cancelled ? TuneResult.Status.CANCELLED : outOfTime ? TuneResult.Status.OUT_OF_TIME
                : TuneResult.Status.COMPLETED;
        return new TuneResult(status, results, defaults, best, baseline, fin, elapsed());
    }

    private void grid() {
        TuneSpace s = o.space();
        for (int ci = 0; ci < s.confidences().size() && searching(); ci++) {
            for (int fi = 0; fi < s.factors().size() && searching(); fi++) {
                for (int ai = 0; ai < s.alphas().size() && searching(); ai++) {
                    // lambda ascending along the row, so that each cell may start from the one before (Starts.warmFor)
                    for (int lj = 0; lj < s.lambdas().size() && searching(); lj++) {
                        AlsParams p = o.base().withConfidence(s.confidences().get(ci)).withFactors(s.factors().get(fi))
                                .withAlpha(s.alphas().get(ai)).withLambda(s.lambdas().get(lj));
                        evaluate(Candidate.Phase.GRID, p, warmFor(p), true);
                    }
                }
            }
        }
        verify();
        if (s.refine() && best != null && searching()) {
            AlsParams p = best.candidate().params();
            double l = refine(p, true, o.refineSteps());
            refine(p.withLambda(l), false, (o.refineSteps() + 1) / 2);
            verify();
        }
    }

    /**
     * While the chosen candidate started warm, re-runs its settings from the random start, as the final
     * model trains ({@link Candidate.Phase#CHECK}), and lets that run stand for them: the warm one can no
     * longer be chosen, and the choice falls to the best of the rest, the re-run included.
     */
    private void verify() {
        while (best != null && best.warmFrom() >= 0 && searching()) {
            CandidateResult warm = best;
            superseded.add(warm.candidate().index());
            best = results.stream().filter(r -> r.scored() && !superseded.contains(r.candidate().index()))
                    .reduce((a, b) -> b.value() > a.value() ? b : a).orElse(null);
            if (evaluate(Candidate.Phase.CHECK, warm.candidate().params(), null, true) == null) {
                // no room for the re-run: the warm result stays the choice
                superseded.remove(warm.candidate().index());
                best = warm;
                return;
            }
        }
    }

    /** Makes {@code r} the chosen candidate (successive halving chooses among its last rung only). */
    void choose(CandidateResult r) {
        best = r;
    }

    /**
     * Golden-section search for the best log10(lambda) (or log10(alpha)) with the other settings of
     * {@code p}, inside the bracket of the grid values either side of p's, in {@code steps} evaluations.
     * Returns the best value found (p's own when nothing beat it).
     */
    private double refine(AlsParams p, boolean lambda, int steps) {
        List<Double> grid = lambda ? o.space().lambdas() : o.space().alphas();
        double lo = Math.log10(lambda ? TuneSpace.MIN_LAMBDA : TuneSpace.MIN_ALPHA);
        double hi = Math.log10(lambda ? TuneSpace.MAX_LAMBDA : TuneSpace.MAX_ALPHA);
        double x = Math.log10(lambda ? p.lambda() : p.alpha());
        int j = nearest(grid, Math.pow(10, x));
        // the bracket: the neighbouring grid values, or one decade beyond an edge of the grid
        double a = Math.max(lo, j > 0 ? Math.log10(grid.get(j - 1)) : x - 1);
        double b = Math.min(hi, j < grid.size() - 1 ? Math.log10(grid.get(j + 1)) : x + 1);
        double fx = best.value();
        for (int step = 0; step < steps && searching(); step++) {
            // the new point splits the larger of [a, x] and [x, b] at the golden share, measured from x
            boolean right = b - x >= x - a;
            double t = right ? x + GOLDEN * (b - x) : x - GOLDEN * (x - a);
            double v = round3(Math.pow(10, t));
            AlsParams q = lambda ? p.withLambda(v) : p.withAlpha(v);
            CandidateResult r = evaluate(Candidate.Phase.REFINE, q, warmFor(q), true);
            if (r == null) {
                break;
            }
            double ft = r.scored() ? r.value() : Double.NEGATIVE_INFINITY;
            t = Math.log10(v);
            if (ft > fx) {
                // the maximum is now bracketed around t
                if (right) {
                    a = x;
                } else {
                    b = x;
                }
                x = t;
                fx = ft;
            } else if (right) {
                b = t;
            } else {
                a = t;
            }
        }
        return round3(Math.pow(10, x));
    }

    boolean searching() {
        if (!cancelled && cancel.getAsBoolean()) {
            cancelled = true;
        }
        return !cancelled && !outOfTime;
    }

    /**
     * Trains and scores one candidate from {@code warm}'s factors (null: a random start), reports it, and
     * keeps its factors for warm starts; null when the budget has no room for it. It runs at most
     * {@code iterations}; without {@code earlyStop} all of them unless the budget or a cancel ends it.
     */
    CandidateResult evaluate(Candidate.Phase phase, AlsParams params, Starts.Slot warm, boolean earlyStop) {
        return evaluate(phase, params, warm, earlyStop, params.iterations());
    }

    CandidateResult evaluate(Candidate.Phase phase, AlsParams params, Starts.Slot warm, boolean earlyStop, int iterations) {
        TuneSpace s = o.space();
        Candidate c = new Candidate(results.size(), phase, params, s.confidences().indexOf(params.confidence()),
                s.factors().indexOf(params.factors()), nearest(s.alphas(), params.alpha()), nearest(s.lambdas(), params.lambda()));
        if (defaultsSlot != null && params.equals(defaultsSlot.result().candidate().params())) {
            // the same settings as the defaults candidate: the same deterministic run, so its result
            listener.started(c);
            CandidateResult d = defaultsSlot.result();
            return keep(new CandidateResult(c, d.outcome(), d.iterations(), d.bestIteration(), d.warmFrom(), d.metrics(), d.value(), 0),
                    defaultsSlot.model());
        }
        if (o.budgetSeconds() > 0 && !results.isEmpty()) {
            // a candidate starts only if the mean time of those before it fits beside the final reserve
            double mean = results.stream().mapToDouble(CandidateResult::seconds).average().orElse(0);
            if (elapsed() + mean + finalReserve() > o.budgetSeconds()) {
                outOfTime = true;
                return null;
            }
        }
        listener.started(c);
        StopRule rule = new StopRule(MIN_ITERATIONS, earlyStop ? o.patience() : iterations, iterations);
        double bestSoFar = best == null ? Double.NEGATIVE_INFINITY : best.value();
        long start = o.clock().getAsLong();
        double[] values = new double[iterations];
        double[] norm = {Double.NaN};   // the last iteration's squared norm of the artist factors
        double[] peak = {Double.NEGATIVE_INFINITY};
        FactorModel[] lastModel = {null};
        Metrics[] lastMetrics = {null};
        int[] counts = new int[2];   // iterations run, best iteration
        boolean[] stop = new boolean[2];   // early stop, out of time
        long[] last = {start};
        TrainingOptions options = TrainingOptions.quiet()
                .withEvaluator(m -> protocol.evaluate(Scorer.of(m), validation, o.evalUsers(), threads))
                .withCancel(() -> stop[0] || stop[1] || cancel.getAsBoolean())
                .withListener(r -> {
                    counts[0] = r.iteration();
                    if (r.metrics() == null) {
                        return;
                    }
                    double v = o.metric().of(r.metrics());
                    values[r.iteration() - 1] = v;
                    if (v > peak[0]) {
                        peak[0] = v;
                        counts[1] = r.iteration();
                    }
                    // the value is the latest iteration's, as the final training's converged model will be judged
                    lastModel[0] = r.model();
                    lastMetrics[0] = r.metrics();
                    double n = StopRule.squaredNorm(r.model().itemFactors());
                    // the factors still develop while their squared norm grows by more than 10% an iteration
                    boolean developing = n > (1 + StopRule.GROWING) * norm[0];
                    norm[0] = n;
                    if (rule.after(values, r.iteration(), bestSoFar, developing) != StopRule.Verdict.CONTINUE) {
                        stop[0] = true;
                    }
                    long now = o.clock().getAsLong();
                    double it = (now - last[0]) / 1e9;
                    last[0] = now;
                    iterationClock.record(r.iteration(), it);
                    // until a later iteration was timed, a first one (set-up, JIT) only says whether one more fits
                    double next = r.iteration() == 1 ? iterationClock.perIteration() : it;
                    if (o.budgetSeconds() > 0 && (iterationClock.knowsLater() ? elapsed(now) + next + finalReserve()
                            : elapsed(now) + it) > o.budgetSeconds()) {
                        stop[1] = true;
                    }
                });
        AlsParams run = params.withIterations(iterations);
        TrainingResult tr = AlsTrainer.train(validation.train(), run, warm == null ? starts.random(run) : warm.model(), options, confidences);
        Outcome outcome;
        if (tr.status() == TrainingResult.Status.DIVERGED) {
            outcome = Outcome.DIVERGED;
        } else if (tr.completed()) {
            outcome = Outcome.COMPLETED;
        } else if (stop[0]) {
            outcome = Outcome.STOPPED_EARLY;
        } else if (stop[1]) {
            outcome = Outcome.OUT_OF_TIME;
            outOfTime = true;
        } else {
            outcome = Outcome.CANCELLED;
            cancelled = true;
        }
        double value = lastMetrics[0] == null ? Double.NaN : o.metric().of(lastMetrics[0]);
        return keep(new CandidateResult(c, outcome, counts[0], counts[1], warm == null ? -1 : warm.result().candidate().index(),
                lastMetrics[0], value, (o.clock().getAsLong() - start) / 1e9), lastModel[0]);
    }

    /** Records a finished candidate, keeps its factors for warm starts and tells the listener. */
    private CandidateResult keep(CandidateResult r, FactorModel model) {
        results.add(r);
        starts.kept(r, model);
        if (r.scored() && (best == null || r.value() > best.value())) {
            best = r;
        }
        listener.finished(r);
        return r;
    }

    /** The factors {@code p} starts from ({@link Starts#warmFor}), or null for the random start. */
    private Starts.Slot warmFor(AlsParams p) {
        return starts.warmFor(p, best == null ? Double.NaN : best.value());
    }

    /** Seconds the final training is expected to take: the slowest iteration after a first, scaled by rows, times the iterations. */
    private double finalReserve() {
        if (Double.isNaN(iterationClock.perIteration()) || !o.trainFinal()) {
            return 0;
        }
        return perFinalIteration() * o.base().iterations();
    }

    private double perFinalIteration() {
        // ALS's work per iteration grows with the non-zeros (plus a k^2 term per row, the same in both)
        double rows = train.nnz() / (double) Math.max(1, validation.train().nnz());
        return iterationClock.perIteration() * rows;
    }

    private TrainingResult finalTraining() {
        AlsParams p = best.candidate().params();
        int iterations = p.iterations();
        if (o.budgetSeconds() > 0 && !Double.isNaN(iterationClock.perIteration())) {
            // fewer iterations when the reserve fell short, but at least one
            double left = o.budgetSeconds() - elapsed();
            iterations = (int) Math.max(1, Math.min(iterations, Math.floor(left / perFinalIteration())));
        }
        listener.finalTrainingStarted(best, iterations);
        TrainingResult r = AlsTrainer.train(train, p.withIterations(iterations), starts.random(p.withIterations(iterations)),
                TrainingOptions.quiet().withListener(it -> {
                    o.clock().getAsLong();   // one reading per iteration, as during the search (a test clock counts them)
                    listener.finalIteration(it);
                }).withCancel(cancel));
        if (r.status() == TrainingResult.Status.CANCELLED) {
            cancelled = true;
        }
        return r;
    }

    private double elapsed() {
        return elapsed(o.clock().getAsLong());
    }

    private double elapsed(long now) {
        return (now - t0) / 1e9;
    }

    /** The index of the grid value nearest {@code v} on a log scale (the lower one among equals). */
    static int nearest(List<Double> grid, double v) {
        int best = 0;
        for (int i = 1; i < grid.size(); i++) {
            if (Math.abs(Math.log(grid.get(i) / v)) < Math.abs(Math.log(grid.get(best) / v))) {
                best = i;
            }
        }
        return best;
    }

    /** {@code v} to three significant digits, so that refined settings print and parse cleanly. */
    private static double round3(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }
}
