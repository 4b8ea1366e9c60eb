package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.SolverKind;

class AlsEngineTest {

    /** The loss summed densely over every users x artists cell, straight from its definition. */
    static double bruteForceLoss(InteractionMatrix m, AlsParams p, float[] x, float[] y) {
        int k = p.factors();
        Confidence conf = Confidence.of(p, m);
        double loss = 0;
        for (int u = 0; u < m.numUsers(); u++) {
            double total = m.userTotal(u);
            for (int i = 0; i < m.numItems(); i++) {
                double r = m.get(u, i);
                double c = r > 0 ? 1 + conf.minusOne(i, r, total) : 1;
                double pref = r > 0 ? 1 : 0;
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += (double) x[u * k + f] * y[i * k + f];
                }
                loss += c * (pref - s) * (pref - s);
            }
        }
        double reg = 0;
        for (int u = 0; u < m.numUsers(); u++) {
            double n2 = 0;
            for (int f = 0; f < k; f++) {
                n2 += (double) x[u * k + f] * x[u * k + f];
            }
            reg += (p.scaleLambdaByCount() ? m.userCount(u) : 1) * n2;
        }
        for (int i = 0; i < m.numItems(); i++) {
            double n2 = 0;
            for (int f = 0; f < k; f++) {
                n2 += (double) y[i * k + f] * y[i * k + f];
            }
            reg += (p.scaleLambdaByCount() ? m.itemCount(i) : 1) * n2;
        }
        return loss + p.lambda() * reg;
    }

    @Test
    void fastLossEqualsTheDenseSumForEveryConfidenceAndRegularisation() {
        InteractionMatrix m = TestData.random(40, 30, 0.2, 500, 5);
        for (ConfidenceKind kind : ConfidenceKind.values()) {
            for (boolean scaled : new boolean[] {false, true}) {
                AlsParams p = TestData.smallParams().withFactors(6).withAlpha(3).withConfidence(kind).withLambda(0.7)
                        .withScaleLambdaByCount(scaled).withThreads(2);
                float[] x = AlsTrainer.randomFactors(40, 6, 1);
                float[] y = AlsTrainer.randomFactors(30, 6, 2);
                for (int q = 0; q < x.length; q++) {
                    x[q] *= 50;
                }
                for (int q = 0; q < y.length; q++) {
                    y[q] *= 50;
                }
                try (AlsEngine e = new AlsEngine(m, p)) {
                    double want = bruteForceLoss(m, p, x, y);
                    assertEquals(want, e.loss(x, y), 1e-6 * want, kind + " scaled=" + scaled);
                }
            }
        }
    }

    @Test
    void lossNeverIncreasesAcrossExactHalfSteps() {
        InteractionMatrix m = TestData.random(60, 45, 0.15, 1000, 9);
        for (boolean scaled : new boolean[] {false, true}) {
            AlsParams p = TestData.smallParams().withFactors(8).withSolver(SolverKind.CHOLESKY).withScaleLambdaByCount(scaled)
                    .withLambda(0.2).withThreads(2);
            float[] x = AlsTrainer.randomFactors(60, 8, 1);
            float[] y = AlsTrainer.randomFactors(45, 8, 2);
            try (AlsEngine e = new AlsEngine(m, p)) {
                double prev = e.loss(x, y);
                for (int it = 0; it < 15; it++) {
                    e.solveUsers(x, y);
                    double afterUsers = e.loss(x, y);
                    assertTrue(afterUsers <= prev * (1 + 1e-6), "user half-step " + it + ": " + prev + " -> " + afterUsers);
                    e.solveItems(x, y);
                    double afterItems = e.loss(x, y);
                    assertTrue(afterItems <= afterUsers * (1 + 1e-6), "artist half-step " + it);
                    prev = afterItems;
                }
            }
        }
    }

    @Test
    void checkerboardIsReconstructedWithLambdaZero() {
        // rank 2: the checkerboard is (1 + (-1)^(u+i)) / 2, so two factors and exact solves fit every cell
        InteractionMatrix m = TestData.checkerboard(8, 8);
        AlsParams p = TestData.smallParams().withFactors(4).withLambda(0).withAlpha(1).withConfidence(ConfidenceKind.LINEAR)
                .withSolver(SolverKind.CHOLESKY).withIterations(30).withThreads(1);
        TrainingResult r = AlsTrainer.train(m, p, TrainingOptions.quiet());
        FactorModel f = r.model();
        for (int u = 0; u < 8; u++) {
            for (int i = 0; i < 8; i++) {
                double want = (u + i) % 2 == 0 ? 1 : 0;
                assertEquals(want, f.score(u, i), 1e-3, "cell " + u + "," + i);
            }
        }
    }

    @Test
    void sameSeedAndThreadsGiveTheSameModelAndCgTracksCholesky() {
        InteractionMatrix m = TestData.random(120, 80, 0.1, 300, 3);
        AlsParams p = TestData.smallParams().withFactors(10).withIterations(8).withThreads(2);
        FactorModel a = AlsTrainer.train(m, p, TrainingOptions.quiet()).model();
        FactorModel b = AlsTrainer.train(m, p, TrainingOptions.quiet()).model();
        assertArrayEquals(a.userFactors(), b.userFactors());
        assertArrayEquals(a.itemFactors(), b.itemFactors());
        FactorModel c = AlsTrainer.train(m, p.withSeed(p.seed() + 1), TrainingOptions.quiet()).model();
        assertFalse(java.util.Arrays.equals(a.itemFactors(), c.itemFactors()), "another seed, another start");
        // CG's loss after 8 iterations is within 1% of the exact solver's from the same start
        try (AlsEngine e = new AlsEngine(m, p)) {
            FactorModel exact = AlsTrainer.train(m, p.withSolver(SolverKind.CHOLESKY), TrainingOptions.quiet()).model();
            double cg = e.loss(a.userFactors(), a.itemFactors());
            double ex = e.loss(exact.userFactors(), exact.itemFactors());
            assertTrue(cg <= ex * 1.01, "cg " + cg + " vs exact " + ex);
        }
    }

    @Test
    void warmStartContinuesFromTheGivenFactors() {
        InteractionMatrix m = TestData.random(50, 40, 0.15, 100, 4);
        AlsParams p = TestData.smallParams().withFactors(5).withSolver(SolverKind.CHOLESKY).withThreads(1);
        FactorModel five = AlsTrainer.train(m, p.withIterations(5), TrainingOptions.quiet()).model();
        FactorModel twoMore = AlsTrainer.train(m, p.withIterations(2), five, TrainingOptions.quiet()).model();
        FactorModel seven = AlsTrainer.train(m, p.withIterations(7), TrainingOptions.quiet()).model();
        assertEquals(7, twoMore.iterations());
        assertArrayEquals(seven.itemFactors(), twoMore.itemFactors(), 1e-6f, "5 + 2 warm-started iterations = 7 iterations");
    }

    @Test
    void listenerHearsEveryIterationWithLossAndMetrics() {
        InteractionMatrix m = TestData.random(50, 40, 0.15, 100, 4);
        List<IterationReport> seen = new ArrayList<>();
        AlsParams p = TestData.smallParams().withFactors(5).withIterations(4).withThreads(2);
        TrainingOptions o = TrainingOptions.quiet().withLoss(true).withListener(seen::add)
                .withEvaluator(model -> new org.tastemap.core.eval.Metrics(model.iterations(), 0, 0, 0, 0, 10, 1));
        TrainingResult r = AlsTrainer.train(m, p, o);
        assertEquals(4, seen.size());
        for (int it = 0; it < 4; it++) {
            assertEquals(it + 1, seen.get(it).iteration());
            assertTrue(seen.get(it).hasLoss());
            assertEquals(it + 1, seen.get(it).metrics().precisionAtK(), "the evaluator saw the snapshot of this iteration");
        }
        assertEquals(seen.get(3).model(), r.model());
    }

    @Test
    void cancellingStopsAndKeepsTheLastCompleteIteration() {
        InteractionMatrix m = TestData.random(200, 100, 0.1, 100, 4);
        AtomicInteger iterations = new AtomicInteger();
        AlsParams p = TestData.smallParams().withFactors(8).withIterations(50).withThreads(2);
        TrainingOptions o = TrainingOptions.quiet().withListener(r -> iterations.incrementAndGet())
                .withCancel(() -> iterations.get() >= 3);
        TrainingResult r = AlsTrainer.train(m, p, o);
        assertEquals(TrainingResult.Status.CANCELLED, r.status());
        assertEquals(3, r.model().iterations());
        assertTrue(r.message().contains("stopped"));
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheLastFiniteModel() {
        // alpha = 1e30 keeps c - 1 a finite float (up to 1e36; an infinite one is refused before training,
        // ConfidenceCheckTest), but c^2 overflows in the solves, so the first solve yields NaN
        InteractionMatrix m = TestData.random(30, 20, 0.2, 1_000_000, 4);
        AlsParams p = TestData.smallParams().withFactors(4).withAlpha(1e30).withConfidence(ConfidenceKind.LINEAR)
                .withIterations(3).withThreads(1);
        TrainingResult r = AlsTrainer.train(m, p, TrainingOptions.quiet());
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertTrue(r.model().isFinite());
        assertEquals(0, r.model().iterations());
        assertTrue(r.message().contains("NaN"), r.message());
    }

    @Test
    void invalidParametersAreRejectedWithReadableMessages() {
        AlsParams bad = TestData.smallParams().withFactors(0).withAlpha(-1).withLambda(Double.NaN).withCgSteps(0);
        List<String> problems = bad.problems();
        assertEquals(4, problems.size(), problems.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::validate);
        assertTrue(e.getMessage().contains("Factors must be between 1 and 1024 (got 0)"), e.getMessage());
        assertTrue(AlsParams.defaults().problems().isEmpty());
    }
}
