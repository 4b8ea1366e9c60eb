package org.tastemap.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;

class TunerTest {
    static final AlsParams BASE = AlsParams.defaults().withFactors(8).withIterations(12).withThreads(2).withSeed(5)
            .withConfidence(ConfidenceKind.LINEAR).withAlpha(1);
    /** One alpha, so that an exhaustive grid over lambda alone is the reference. */
    static final TuneSpace LAMBDA_ONLY = TuneSpace.defaults(8).withConfidences(List.of(ConfidenceKind.LINEAR)).withAlphas(List.of(1.0));

    static TuneOptions options() {
        return TuneOptions.defaults(BASE).withSpace(LAMBDA_ONLY).withEvalUsers(400);
    }

    /** Validation MAP@10 of a cold, full-length run of {@code p}, as the tuner measures it. */
    static double cold(InteractionMatrix train, AlsParams p) {
        TrainTestSplit v = Tuner.validationSplit(train, p.seed());
        var m = AlsTrainer.train(v.train(), p, TrainingOptions.quiet()).model();
        return new Holdout(TuneOptions.VALIDATION_FRACTION, p.seed()).evaluate(Scorer.of(m), v, 400, 2).mapAtK();
    }

    record Fine(double lambda, double value) {
    }

    /** The exhaustive reference: cold full-length runs at 4 lambdas per decade over 1e-3..1e4. */
    static Fine fineGrid(InteractionMatrix train) {
        Fine best = new Fine(Double.NaN, -1);
        for (double l : TuneSpace.logRange(1e-3, 1e4, 29)) {
            double v = cold(train, BASE.withLambda(l));
            if (v > best.value()) {
                best = new Fine(l, v);
            }
        }
        return best;
    }

    @Test
    void findsThePlantedLambdaAsItMovesWithTheDataSize() {
        // small: few listeners, plays of about 0.3; large: 4x the listeners and plays scaled by 10^4, so each
        // row's confidence mass grows by orders of magnitude and the best lambda with it
        InteractionMatrix small = PlantedData.generate(300, 150, 4, 20, 0.1, 11);
        InteractionMatrix large = PlantedData.generate(1200, 150, 4, 20, 1000, 12);
        Fine fs = fineGrid(small);
        Fine fl = fineGrid(large);
        assertTrue(fl.lambda() / fs.lambda() >= 100, "the planted best lambda moves by two orders of magnitude: " + fs + " " + fl);
        for (var c : List.of(new Object[] {small, fs}, new Object[] {large, fl})) {
            InteractionMatrix m = (InteractionMatrix) c[0];
            Fine f = (Fine) c[1];
            TuneResult t = Tuner.tune(m, options(), TuneListener.NONE, () -> false);
            double chosen = cold(m, t.chosen().candidate().params());
            assertTrue(chosen >= 0.95 * f.value(), "tuned " + t.chosen().candidate().params().lambda() + " gives " + chosen
                    + ", the fine grid's best " + f);
        }
    }

    @Test
    void earlyStoppingChangesTheChosenMetricByUnderTwoPercent() {
        InteractionMatrix m = PlantedData.generate(600, 150, 4, 20, 10, 21);
        // early stopping alone, from random starts; the reference: the same candidates for every iteration
        // allowed (a patience of the full length stops nothing)
        TuneOptions fast = options().withWarmStarts(false).withSpace(LAMBDA_ONLY.withAlphas(List.of(0.3, 3.0)).withRefine(false));
        TuneResult quick = Tuner.tune(m, fast, TuneListener.NONE, () -> false);
        TuneResult slow = Tuner.tune(m, fast.withWarmStarts(false).withPatience(BASE.iterations()), TuneListener.NONE, () -> false);
        assertTrue(quick.candidates().stream().anyMatch(r -> r.outcome() == CandidateResult.Outcome.STOPPED_EARLY));
        assertTrue(slow.candidates().stream().allMatch(r -> r.warmFrom() < 0 && r.iterations() == BASE.iterations()));
        assertFewerIterationsAndWithinTwoPercent(m, quick, slow, "fast");
    }

    @Test
    void warmStartsAndEarlyStoppingChangeTheChosenMetricByUnderTwoPercent() {
        InteractionMatrix m = PlantedData.generate(600, 150, 4, 20, 10, 21);
        // warm starts and early stopping, as by default; the reference: cold, full-length runs of the same candidates
        TuneOptions fast = options().withSpace(LAMBDA_ONLY.withAlphas(List.of(0.3, 3.0)).withRefine(false));
        assertTrue(fast.warmStarts());
        TuneResult quick = Tuner.tune(m, fast, TuneListener.NONE, () -> false);
        TuneResult slow = Tuner.tune(m, fast.withWarmStarts(false).withPatience(BASE.iterations()), TuneListener.NONE, () -> false);
        assertTrue(quick.candidates().stream().anyMatch(r -> r.warmFrom() >= 0), "some candidates start warm");
        assertFewerIterationsAndWithinTwoPercent(m, quick, slow, "warm and early-stopped");
    }

    /**
     * {@code quick} ran under 70% of {@code slow}'s iterations, and both its chosen value and its choice
     * trained cold and full-length (as the final model will be) are within 2% of {@code slow}'s chosen value.
     */
    private static void assertFewerIterationsAndWithinTwoPercent(InteractionMatrix m, TuneResult quick, TuneResult slow, String what) {
        int fastIterations = quick.candidates().stream().mapToInt(CandidateResult::iterations).sum();
        int slowIterations = slow.candidates().stream().mapToInt(CandidateResult::iterations).sum();
        assertTrue(fastIterations < 0.7 * slowIterations, fastIterations + " iterations against " + slowIterations + " cold");
        double a = quick.chosen().value();
        double b = slow.chosen().value();
        assertTrue(Math.abs(a - b) < 0.02 * b, what + " " + a + " vs cold full-length " + b);
        double c = cold(m, quick.chosen().candidate().params());
        assertTrue(Math.abs(c - b) < 0.02 * b, what + ": the choice trained cold " + c + " vs cold full-length " + b);
    }

    @Test
    void warmStartsGoUpInLambdaAndAWarmChoiceIsReRunFromTheRandomStart() {
        InteractionMatrix m = PlantedData.generate(400, 150, 4, 20, 1, 23);
        TuneResult t = Tuner.tune(m, options().withSpace(LAMBDA_ONLY.withAlphas(List.of(0.3, 3.0))),
                TuneListener.NONE, () -> false);
        List<CandidateResult> c = t.candidates();
        for (CandidateResult r : c) {
            if (r.warmFrom() >= 0) {
                // the source: the same row (confidence, factors, alpha) with a smaller lambda
                AlsParams from = c.get(r.warmFrom()).candidate().params();
                AlsParams to = r.candidate().params();
                assertEquals(List.of(from.confidence(), from.factors(), from.alpha()), List.of(to.confidence(), to.factors(), to.alpha()));
                assertTrue(from.lambda() < to.lambda(), from.lambda() + " -> " + to.lambda());
            }
        }
        // the choice is a run from the random start; a warm candidate that led was re-run (CHECK), and the re-run stands for it
        assertTrue(t.chosen().warmFrom() < 0);
        List<CandidateResult> checks = c.stream().filter(r -> r.candidate().phase() == Candidate.Phase.CHECK).toList();
        assertFalse(checks.isEmpty(), "a warm-started cell led at some point on this data");
        for (CandidateResult check : checks) {
            assertTrue(check.warmFrom() < 0);
            CandidateResult warm = c.stream().filter(r -> r.warmFrom() >= 0 && r.candidate().index() < check.candidate().index()
                    && r.candidate().params().equals(check.candidate().params())).findFirst().orElseThrow();
            assertTrue(t.chosen() != warm);
        }
        double best = c.stream().filter(r -> r.scored() && checks.stream().noneMatch(k -> k.candidate().params().equals(r.candidate().params())
                && r.warmFrom() >= 0)).mapToDouble(CandidateResult::value).max().orElseThrow();
        assertEquals(best, t.chosen().value(), "the best of the candidates that stand");
    }

    @Test
    void successiveHalvingContinuesTheBestThirdAndChoosesFromItsLastRung() {
        InteractionMatrix m = PlantedData.generate(300, 150, 4, 20, 1, 71);
        TuneResult t = Tuner.tune(m, options().withStrategy(TuneOptions.Strategy.HALVING), TuneListener.NONE, () -> false);
        // 8 lambdas: the defaults, 8 cells for 2 iterations, the best ceil(8/3) = 3 for 4 more (to 6), the best 1 for 6 more (to 12)
        List<CandidateResult> c = t.candidates();
        assertEquals(1 + 8 + 3 + 1, c.size());
        assertEquals(List.of(2, 4, 6), List.of(c.get(1).iterations(), c.get(9).iterations(), c.get(12).iterations()));
        double bestOfRung0 = c.subList(1, 9).stream().mapToDouble(CandidateResult::value).max().orElseThrow();
        assertEquals(bestOfRung0, c.subList(1, 9).stream().filter(r -> r.candidate().params().equals(c.get(9).candidate().params()))
                .findFirst().orElseThrow().value());
        // a cell continued from its own factors is the same run as one 12 iterations long from its random start
        CandidateResult lastRung = c.get(12);
        assertEquals(cold(m, lastRung.candidate().params()), lastRung.value(), 1e-12);
        assertTrue(t.chosen() == lastRung || t.chosen() == t.defaults());
        assertEquals(Math.max(lastRung.value(), t.defaults().value()), t.chosen().value());
    }

    @Test
    void theValidationSplitNeverOverlapsTheTestSplit() {
        InteractionMatrix all = PlantedData.generate(300, 150, 4, 20, 1, 31);
        TrainTestSplit test = new Holdout(0.2, 42).split(all);
        TrainTestSplit validation = Tuner.validationSplit(test.train(), 42);
        int checked = 0;
        for (int u = 0; u < all.numUsers(); u++) {
            for (int p = validation.test().userPtr()[u]; p < validation.test().userPtr()[u + 1]; p++) {
                int i = validation.test().userItems()[p];
                assertEquals(0f, test.test().get(u, i), "validation cell " + u + "," + i + " is a test cell");
                assertTrue(test.train().get(u, i) > 0);
                checked++;
            }
        }
        // 20% of the training artists (16 of 20 per listener): 3 each
        assertEquals(300 * 3, checked);
    }

    @Test
    void cancelKeepsTheCandidatesSoFar() {
        InteractionMatrix m = PlantedData.generate(300, 150, 4, 20, 1, 41);
        AtomicInteger finished = new AtomicInteger();
        List<Candidate> started = new ArrayList<>();
        TuneResult t = Tuner.tune(m, options(), new TuneListener() {
            @Override
            public void started(Candidate c) {
                started.add(c);
            }

            @Override
            public void finished(CandidateResult r) {
                finished.incrementAndGet();
            }
        }, () -> finished.get() >= 3);
        assertEquals(TuneResult.Status.CANCELLED, t.status());
        assertEquals(3, t.candidates().size());
        assertEquals(3, started.size());
        assertTrue(t.candidates().stream().allMatch(CandidateResult::scored));
        assertNull(t.finalTraining());
        assertNotNull(t.chosen());
    }

    @Test
    void aCancelDuringACandidateStopsItWithinAnIteration() {
        InteractionMatrix m = PlantedData.generate(300, 150, 4, 20, 1, 43);
        // cancel at the third poll after candidate 2 starts: the first is before its first iteration, the
        // next come from the engine between chunks of rows, so its training ends inside that iteration
        // (what keeps a cancel within a second at full size, where an iteration takes about 1 s)
        AtomicInteger polls = new AtomicInteger(-1);
        TuneResult t = Tuner.tune(m, options(), new TuneListener() {
            @Override
            public void started(Candidate c) {
                if (c.index() == 2) {
                    polls.set(0);
                }
            }
        }, () -> polls.get() >= 0 && polls.incrementAndGet() >= 3);
        assertEquals(TuneResult.Status.CANCELLED, t.status());
        assertEquals(3, t.candidates().size());
        CandidateResult stopped = t.candidates().get(2);
        assertEquals(CandidateResult.Outcome.CANCELLED, stopped.outcome());
        assertEquals(0, stopped.iterations());
        assertTrue(t.candidates().subList(0, 2).stream().allMatch(CandidateResult::scored));
        assertNull(t.finalTraining());
    }

    @Test
    void theBudgetIsHonouredByTheTunesOwnClock() {
        InteractionMatrix m = PlantedData.generate(300, 150, 4, 20, 1, 51);
        // a clock the test controls: every reading is one second later
        AtomicLong now = new AtomicLong();
        TuneOptions o = options().withClock(() -> now.addAndGet(1_000_000_000L));
        TuneResult unlimited = Tuner.tune(m, o, TuneListener.NONE, () -> false);
        double budget = unlimited.seconds() / 3;
        TuneResult limited = Tuner.tune(m, o.withBudget(budget), TuneListener.NONE, () -> false);
        assertEquals(TuneResult.Status.OUT_OF_TIME, limited.status());
        assertTrue(limited.seconds() <= 1.1 * budget, limited.seconds() + " s of a " + budget + " s budget");
        assertTrue(limited.candidates().size() < unlimited.candidates().size());
        assertTrue(limited.hasFinalModel());
    }

    @Test
    void aSlowFirstIterationDoesNotEndTheTuneAfterOneCandidate() {
        // h's report: on a busy machine the first iteration (JIT, set-up) took ten times a later one, the
        // final training's reserve was reckoned from it, and a 60 s tune stopped after 1 candidate in 5 s
        InteractionMatrix m = PlantedData.generate(300, 150, 4, 20, 1, 53);
        AtomicLong now = new AtomicLong();
        TuneOptions o = options().withClock(() -> now.addAndGet(1_000_000_000L));
        TuneResult unlimited = Tuner.tune(m, o, TuneListener.NONE, () -> false);
        // the same clock, but the first candidate's first iteration reads 100 s late (its start is the
        // first reading after started(), its first iteration the second)
        AtomicLong slow = new AtomicLong();
        int[] readingsOfFirst = {-1};
        TuneListener firstStarts = new TuneListener() {
            @Override
            public void started(Candidate c) {
                if (c.index() == 0) {
                    readingsOfFirst[0] = 0;
                }
            }
        };
        TuneOptions jit = options().withClock(() -> {
            long extra = readingsOfFirst[0] >= 0 && ++readingsOfFirst[0] == 2 ? 100_000_000_000L : 0;
            return slow.addAndGet(1_000_000_000L + extra);
        });
        double budget = 100 + 2 * unlimited.seconds();
        TuneResult t = Tuner.tune(m, jit.withBudget(budget), firstStarts, () -> false);
        assertEquals(unlimited.candidates().size(), t.candidates().size(), "every candidate fits in " + budget + " s");
        assertTrue(t.seconds() <= 1.1 * budget, t.seconds() + " s of a " + budget + " s budget");
        assertTrue(t.hasFinalModel());
    }

    @Test
    void theSameSeedAndThreadsGiveTheSameTune() {
        InteractionMatrix m = PlantedData.generate(300, 150, 4, 20, 1, 61);
        TuneResult a = Tuner.tune(m, options(), TuneListener.NONE, () -> false);
        TuneResult b = Tuner.tune(m, options(), TuneListener.NONE, () -> false);
        assertEquals(a.candidates().stream().map(r -> r.candidate().params()).toList(),
                b.candidates().stream().map(r -> r.candidate().params()).toList());
        assertEquals(a.candidates().stream().map(CandidateResult::value).toList(), b.candidates().stream().map(CandidateResult::value).toList());
        assertEquals(a.finalTraining().model(), b.finalTraining().model());
        assertFalse(Double.isNaN(a.improvementOverDefaults()));
    }
}
