package org.tastemap.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.HandModels;
import org.tastemap.core.model.Popularity;

class BeyondAccuracyTest {

    /**
     * 3 listeners, 5 artists, K = 2, every artist scored 5, 4, 3, 2, 1 (artist 0 best) for everyone.
     * Training: u0 {0}, u1 {0, 1}, u2 {1}; held out: u0 {2}, u1 {3}, u2 {0}.
     * By hand: top 2 lists u0 [1, 2], u1 [2, 3], u2 [0, 2]; held-out ranks u0 artist 2 -> 2 (artist 1
     * above), u1 artist 3 -> 2 (artist 2 above), u2 artist 0 -> 1.
     * Listeners over all rows: artist 0: 3, 1: 2, 2: 1, 3: 1, 4: 0; percentiles 100 * fewer / 5:
     * 80, 60, 20, 20, 0; shares n / 3 (artist 4 counted as 1).
     */
    @Test
    void coveragePopularityAndNoveltyOfHandRankedLists() {
        InteractionMatrix train = HandModels.matrix(3, 5, new int[][] {{0, 0}, {1, 0}, {1, 1}, {2, 1}});
        InteractionMatrix test = HandModels.matrix(3, 5, new int[][] {{0, 2}, {1, 3}, {2, 0}});
        InteractionMatrix all = HandModels.matrix(3, 5, new int[][] {{0, 0}, {1, 0}, {1, 1}, {2, 1}, {0, 2}, {1, 3}, {2, 0}});
        Scorer scorer = (u, out) -> {
            for (int i = 0; i < 5; i++) {
                out[i] = 5 - i;
            }
        };
        EvaluationDetail d = new EvaluationDetail();
        RankingMetrics.evaluate(scorer, train, test, 2, 100, 0, 1, d);
        assertArrayEquals(new int[] {1, 2}, d.top(0));
        assertArrayEquals(new int[] {2, 3}, d.top(1));
        assertArrayEquals(new int[] {0, 2}, d.top(2));
        assertEquals(new EvaluationDetail.HeldOut(2, 1, 2), d.heldOut(0)[0]);
        assertEquals(new EvaluationDetail.HeldOut(3, 1, 2), d.heldOut(1)[0]);
        assertEquals(new EvaluationDetail.HeldOut(0, 1, 1), d.heldOut(2)[0]);

        BeyondAccuracy b = BeyondAccuracy.of(d, Popularity.of(all));
        // distinct artists {0, 1, 2, 3} of 5
        assertEquals(0.8, b.coverage(), 1e-12);
        assertEquals(4, b.distinctArtists());
        assertEquals(6, b.entries());
        assertEquals(3, b.lists());
        // percentiles of 1, 2 | 2, 3 | 0, 2: (60 + 20 + 20 + 20 + 80 + 20) / 6
        assertEquals(220 / 6.0, b.popularityPercentile(), 1e-12);
        // -log2(share): artist 0 -> log2(3/3) = 0, artist 1 -> log2(3/2), artists 2 and 3 -> log2(3)
        double log2 = Math.log(2);
        double novelty = (Math.log(1.5) / log2 + 4 * Math.log(3) / log2 + 0) / 6;
        assertEquals(novelty, b.novelty(), 1e-12);
    }

    /** Dyadic factors: scores exact in both paths, so tops and ranks must agree, and ranks match a brute-force count. */
    @Test
    void theBlockPathRecordsTheSameTopsAndRanksAsABruteForceCount() {
        int users = 300;
        int items = 1003;
        int k = 16;
        InteractionMatrix all = TestData.random(users, items, 0.04, 20, 5);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 3);
        SplittableRandom rnd = new SplittableRandom(9);
        float[] x = new float[users * k];
        float[] y = new float[items * k];
        for (float[] a : new float[][] {x, y}) {
            for (int q = 0; q < a.length; q++) {
                a[q] = (rnd.nextInt(17) - 8) / 8f;
            }
        }
        FactorModel m = new FactorModel(k, users, items, x, y, AlsParams.defaults().withFactors(k), 1);
        EvaluationDetail fast = new EvaluationDetail();
        EvaluationDetail slow = new EvaluationDetail();
        Scorer block = Scorer.of(m);
        Scorer plain = block::scores;
        assertEquals(RankingMetrics.evaluate(block, s.train(), s.test(), 10, 200, 1, 2, fast),
                RankingMetrics.evaluate(plain, s.train(), s.test(), 10, 200, 1, 2, slow));
        assertArrayEquals(fast.users(), slow.users());
        float[] scores = new float[items];
        for (int q = 0; q < fast.size(); q++) {
            assertArrayEquals(slow.top(q), fast.top(q), "top of listener " + fast.user(q));
            assertArrayEquals(slow.heldOut(q), fast.heldOut(q));
            int u = fast.user(q);
            block.scores(u, scores);
            for (EvaluationDetail.HeldOut h : fast.heldOut(q)) {
                // brute force: 1 + candidates (not played in training) scoring strictly higher
                int above = 0;
                for (int i = 0; i < items; i++) {
                    if (s.train().get(u, i) == 0 && scores[i] > scores[h.artist()]) {
                        above++;
                    }
                }
                assertEquals(above + 1, h.rank(), "listener " + u + " artist " + h.artist());
            }
        }
    }
}
