package org.tastemap.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tastemap.core.TestData;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;

class RankingMetricsTest {

    private static InteractionMatrix matrix(int users, int items, int[][] cells) {
        int[] u = new int[cells.length];
        int[] i = new int[cells.length];
        float[] v = new float[cells.length];
        for (int q = 0; q < cells.length; q++) {
            u[q] = cells[q][0];
            i[q] = cells[q][1];
            v[q] = cells[q].length > 2 ? cells[q][2] : 1;
        }
        return InteractionMatrix.fromTriplets(users, items, u, i, v, cells.length);
    }

    @Test
    void metricsOfOneHandRankedUser() {
        // 1 user, 6 artists. Trained on artist 0; held out: artists 2 and 4.
        // Scores 6,5,4,3,2,1 for artists 0..5, so the candidates rank 1,2,3,4,5 (artist 0 is excluded).
        InteractionMatrix train = matrix(1, 6, new int[][] {{0, 0}});
        InteractionMatrix test = matrix(1, 6, new int[][] {{0, 2, 1}, {0, 4, 3}});
        Scorer scorer = (u, out) -> {
            for (int i = 0; i < 6; i++) {
                out[i] = 6 - i;
            }
        };
        Metrics at2 = RankingMetrics.evaluate(scorer, train, test, 2, 100, 0, 1);
        // by hand, K = 2: top 2 = artists 1, 2 -> one hit at rank 2
        assertEquals(0.5, at2.precisionAtK(), 1e-12, "1 hit / min(2, 2)");
        assertEquals(0.25, at2.mapAtK(), 1e-12, "(1/2) / 2");
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2));
        assertEquals((1 / (Math.log(3) / Math.log(2))) / idcg, at2.ndcgAtK(), 1e-12);
        // AUC: negatives are artists 1, 3, 5. Artist 2 beats 3 and 5 (2/3), artist 4 beats 5 (1/3): mean 1/2
        assertEquals(0.5, at2.auc(), 1e-12);
        // percentile ranks among the 5 candidates: artist 2 has 1 above -> 1/4; artist 4 has 3 above -> 3/4;
        // weighted by held-out plays 1 and 3: (1*0.25 + 3*0.75) / 4 = 0.625
        assertEquals(0.625, at2.expectedPercentileRank(), 1e-12);
        assertEquals(1, at2.users());
    }

    @Test
    void tiesCountHalf() {
        // every candidate scores the same: AUC 0.5 and percentile rank 0.5
        InteractionMatrix train = matrix(1, 5, new int[][] {{0, 0}});
        InteractionMatrix test = matrix(1, 5, new int[][] {{0, 3}});
        Metrics m = RankingMetrics.evaluate((u, out) -> java.util.Arrays.fill(out, 1f), train, test, 10, 10, 0, 1);
        assertEquals(0.5, m.auc(), 1e-12);
        assertEquals(0.5, m.expectedPercentileRank(), 1e-12);
    }

    @Test
    void splitHoldsOutAFifthOfEachEligibleUserAndIsSeeded() {
        InteractionMatrix all = TestData.random(300, 100, 0.1, 50, 8);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 42);
        for (int u = 0; u < all.numUsers(); u++) {
            int n = all.userCount(u);
            int want = n >= 5 ? Math.max(1, (int) Math.round(n * 0.2)) : 0;
            assertEquals(want, s.test().userCount(u), "user " + u + " with " + n + " artists");
            assertEquals(n - want, s.train().userCount(u));
        }
        assertEquals(all.nnz(), s.train().nnz() + s.test().nnz());
        TrainTestSplit again = TrainTestSplit.split(all, 0.2, 5, 42);
        assertTrue(java.util.Arrays.equals(s.test().userItems(), again.test().userItems()), "same seed, same split");
        TrainTestSplit other = TrainTestSplit.split(all, 0.2, 5, 43);
        assertTrue(!java.util.Arrays.equals(s.test().userItems(), other.test().userItems()), "other seed, other split");
    }

    @Test
    void aPerfectScorerBeatsPopularityAndRandomIsNearHalf() {
        InteractionMatrix all = TestData.random(200, 80, 0.15, 20, 2);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 1);
        InteractionMatrix test = s.test();
        // an oracle that knows the held-out artists ranks them all on top
        Scorer oracle = (u, out) -> {
            for (int i = 0; i < out.length; i++) {
                out[i] = test.get(u, i) > 0 ? 1 : 0;
            }
        };
        Metrics best = RankingMetrics.evaluate(oracle, s.train(), test, 10);
        assertEquals(1.0, best.precisionAtK(), 1e-12);
        assertEquals(1.0, best.auc(), 1e-12);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        Metrics random = RankingMetrics.evaluate((u, out) -> {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) rnd.nextDouble();
            }
        }, s.train(), test, 10, Integer.MAX_VALUE, 0, 1);
        assertEquals(0.5, random.auc(), 0.05, "random scores: AUC near 0.5");
        assertEquals(0.5, random.expectedPercentileRank(), 0.05);
    }

    /** Random factors; with {@code dyadic}, multiples of 1/8 in [-1, 1], whose dot products are exact in float in any order. */
    private static FactorModel model(int users, int items, int k, boolean dyadic, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        float[] x = new float[users * k];
        float[] y = new float[items * k];
        for (float[] a : new float[][] {x, y}) {
            for (int q = 0; q < a.length; q++) {
                a[q] = dyadic ? (rnd.nextInt(17) - 8) / 8f : (float) rnd.nextGaussian();
            }
        }
        return new FactorModel(k, users, items, x, y, AlsParams.defaults().withFactors(k), 1);
    }

    /** The same scores through the plain per-user path: a lambda is not a BlockScorer. */
    private static Scorer perUser(FactorModel m) {
        Scorer s = Scorer.of(m);
        return s::scores;
    }

    @ParameterizedTest
    @CsvSource({"7, 1003", "64, 2500", "16, 40"})
    void theBlockPathGivesExactlyThePerUserMetricsWhenScoresAreExact(int k, int items) {
        // dyadic factors: every score is exact in both paths, so every count and every top-K set,
        // ties included (many: scores are multiples of 1/64), must agree bit for bit.
        // 300 users span several chunks of 128 and a partial block of 8; 1003 and 2500 artists a partial panel and tile
        InteractionMatrix all = TestData.random(300, items, Math.min(0.3, 40.0 / items), 20, k);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 3);
        FactorModel m = model(300, items, k, true, k + items);
        Scorer block = Scorer.of(m);
        assertInstanceOf(BlockScorer.class, block);
        Metrics fast = RankingMetrics.evaluate(block, s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 2);
        Metrics slow = RankingMetrics.evaluate(perUser(m), s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 2);
        assertEquals(slow, fast);
        assertEquals(fast, RankingMetrics.evaluate(block, s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 1), "thread count");
        assertEquals(fast, RankingMetrics.evaluate(block, s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 5), "thread count");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(floats = {1f, -1f})
    void theNormBoundSkipsWorkWithoutChangingAnyNumberForAUsefulModel(float sign) {
        // a model like a trained one: popular artists with long factors, a long tail with short ones (1/16 as
        // long), and each user's held-out artists pointing along the user's factors, so that most of the tail
        // scores below every held-out artist. BlockEvaluation then finishes users early and skips score tiles
        // (5,000 artists: five tiles). Dyadic values keep every score exact, ties included, so the block path
        // must give exactly the per-user numbers. With sign -1 the held-out artists point away from the user
        // (scores far below every candidate's), which the bound must handle from below.
        int k = 8;
        int items = 5000;
        InteractionMatrix all = TestData.random(160, items, 0.01, 20, 12);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 6);
        FactorModel m = model(160, items, k, true, 21);
        float[] x = m.userFactors();
        float[] y = m.itemFactors();
        for (int i = 400; i < items; i++) {
            for (int f = 0; f < k; f++) {
                y[i * k + f] /= 16;
            }
        }
        for (int u = 0; u < 160; u++) {
            for (int q = s.test().userPtr()[u]; q < s.test().userPtr()[u + 1]; q++) {
                int i = s.test().userItems()[q];
                for (int f = 0; f < k; f++) {
                    y[i * k + f] = Math.min(1f, Math.max(-1f, sign * x[u * k + f] + y[i * k + f] / 8));
                }
            }
        }
        Metrics slow = RankingMetrics.evaluate(perUser(m), s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 2);
        assertTrue(sign > 0 ? slow.auc() > 0.9 : slow.auc() < 0.1, "the model ranks held-out artists at one end: " + slow);
        long skippedBefore = BlockEvaluation.SKIPPED_TILES.sum();
        Metrics fast = RankingMetrics.evaluate(Scorer.of(m), s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 2);
        assertEquals(slow, fast);
        assertTrue(BlockEvaluation.SKIPPED_TILES.sum() > skippedBefore, "the bound skipped score tiles");
        assertEquals(fast, RankingMetrics.evaluate(Scorer.of(m), s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 1), "thread count");
    }

    @Test
    void theNormBoundHoldsForSubnormalScores() {
        // (from a review) user factors 2^-75 and artist factors 2^-74 or 0.6 * 2^-74 at k = 64: every product
        // is subnormal and rounds up to Float.MIN_VALUE, so all scores are 64 * MIN_VALUE, ties everywhere,
        // while |x||y| of the shorter artists is only 38.4 * MIN_VALUE; the bound must allow for the
        // rounding of subnormals, or the block path would count those artists below instead of tied
        int k = 64;
        int items = 2100;
        InteractionMatrix all = TestData.random(60, items, 0.02, 20, 3);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 2);
        float[] x = new float[60 * k];
        float[] y = new float[items * k];
        java.util.Arrays.fill(x, Math.scalb(1f, -75));
        for (int i = 0; i < items; i++) {
            java.util.Arrays.fill(y, i * k, (i + 1) * k, i < 1100 ? Math.scalb(1f, -74) : 0.6f * Math.scalb(1f, -74));
        }
        FactorModel m = new FactorModel(k, 60, items, x, y, AlsParams.defaults().withFactors(k), 1);
        assertEquals(64 * Float.MIN_VALUE, org.tastemap.core.linalg.ScoreKernels.score(x, 0, y, 2000 * k, k));
        assertEquals(RankingMetrics.evaluate(perUser(m), s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 2),
                RankingMetrics.evaluate(Scorer.of(m), s.train(), s.test(), 10, Integer.MAX_VALUE, 0, 2));
    }

    @Test
    void theBlockPathAgreesWithThePerUserPathOnARandomModelToFloatRounding() {
        // Gaussian factors, k = 64: the block path sums x_uf y_if with FMAs and the per-user path
        // without, so scores differ in the last bits. A near-tie may swap, which moves a count by one
        // for a user: AUC and percentile rank by ~1/candidates, p@10 by at most 1/(10 users).
        InteractionMatrix all = TestData.random(200, 3000, 0.02, 20, 9);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 4);
        FactorModel m = model(200, 3000, 64, false, 11);
        Metrics fast = RankingMetrics.evaluate(Scorer.of(m), s.train(), s.test(), 10, 150, 2, 2);
        Metrics slow = RankingMetrics.evaluate(perUser(m), s.train(), s.test(), 10, 150, 2, 2);
        assertEquals(slow.users(), fast.users());
        assertEquals(slow.precisionAtK(), fast.precisionAtK(), 1e-3);
        assertEquals(slow.mapAtK(), fast.mapAtK(), 1e-3);
        assertEquals(slow.ndcgAtK(), fast.ndcgAtK(), 1e-3);
        assertEquals(slow.auc(), fast.auc(), 1e-5);
        assertEquals(slow.expectedPercentileRank(), fast.expectedPercentileRank(), 1e-5);
    }

    @Test
    void theBlockPathLeavesUsersWithNonFiniteScoresToThePerUserPath() {
        InteractionMatrix all = TestData.random(40, 200, 0.2, 20, 6);
        TrainTestSplit s = TrainTestSplit.split(all, 0.2, 5, 5);
        FactorModel m = model(40, 200, 8, true, 1);
        // an infinite factor: held-out scores of that artist are +-inf or NaN for every user
        int heldOut = s.test().userItems()[0];
        m.itemFactors()[heldOut * 8] = Float.POSITIVE_INFINITY;
        assertEquals(RankingMetrics.evaluate(perUser(m), s.train(), s.test(), 10),
                RankingMetrics.evaluate(Scorer.of(m), s.train(), s.test(), 10));
    }
}
