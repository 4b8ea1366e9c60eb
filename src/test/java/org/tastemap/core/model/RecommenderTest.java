package org.tastemap.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tastemap.core.TestData;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;

class RecommenderTest {

    private static Recommender trained(InteractionMatrix m, AlsParams p) {
        FactorModel f = AlsTrainer.train(m, p, TrainingOptions.quiet()).model();
        String[] users = new String[m.numUsers()];
        String[] items = new String[m.numItems()];
        for (int u = 0; u < users.length; u++) {
            users[u] = "u" + u;
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = "a" + i;
        }
        return new Recommender(new TrainedModel(Dataset.of(m, IdIndex.of(users), IdIndex.of(items)), f));
    }

    @Test
    void explanationContributionsSumToTheRefitScoreForEveryConfidence() {
        InteractionMatrix m = TestData.random(80, 50, 0.12, 400, 12);
        for (ConfidenceKind kind : ConfidenceKind.values()) {
            for (boolean scaled : new boolean[] {false, true}) {
                Recommender r = trained(m, TestData.smallParams().withFactors(8).withIterations(6).withConfidence(kind)
                        .withScaleLambdaByCount(scaled).withThreads(2));
                for (int u = 0; u < 80; u += 7) {
                    int item = r.recommend(u, 1, null).get(0).index();
                    Explanation e = r.explain(u, item);
                    assertEquals(m.userCount(u), e.contributions().size());
                    assertEquals(e.scoreRefit(), e.total(), 1e-9 * Math.max(1, Math.abs(e.scoreRefit())), kind + " user " + u);
                    // the refit score is y_i . x_u with x_u from fold-in of the user's own row
                    int[] items = Arrays.copyOfRange(m.userItems(), m.userPtr()[u], m.userPtr()[u + 1]);
                    float[] plays = Arrays.copyOfRange(m.userValues(), m.userPtr()[u], m.userPtr()[u + 1]);
                    float[] x = r.foldIn(items, plays);
                    double s = 0;
                    for (int c = 0; c < 8; c++) {
                        s += x[c] * r.model().itemFactors()[item * 8 + c];
                    }
                    assertEquals(e.scoreRefit(), s, 1e-4 * Math.max(1, Math.abs(s)));
                    for (int c = 1; c < e.contributions().size(); c++) {
                        assertTrue(e.contributions().get(c - 1).contribution() >= e.contributions().get(c).contribution());
                    }
                }
            }
        }
    }

    @Test
    void foldingInAUsersOwnRowReproducesTheirTrainedFactors() {
        // with the exact solver the last half-step solved the artists, so re-solve users once more
        // against the final artists: then every x_u is exactly the fold-in of its own row
        InteractionMatrix m = TestData.random(60, 40, 0.15, 300, 21);
        AlsParams p = TestData.smallParams().withFactors(6).withIterations(5).withSolver(SolverKind.CHOLESKY).withThreads(1);
        FactorModel f = AlsTrainer.train(m, p, TrainingOptions.quiet()).model();
        float[] x = f.userFactors().clone();
        try (var engine = new org.tastemap.core.als.AlsEngine(m, p)) {
            engine.solveUsers(x, f.itemFactors());
        }
        FactorModel refit = new FactorModel(6, 60, 40, x, f.itemFactors(), p, 5);
        Recommender r = new Recommender(new TrainedModel(Dataset.of(m, IdIndex.of(ids("u", 60)), IdIndex.of(ids("a", 40))), refit));
        for (int u = 0; u < 60; u++) {
            int[] items = Arrays.copyOfRange(m.userItems(), m.userPtr()[u], m.userPtr()[u + 1]);
            float[] plays = Arrays.copyOfRange(m.userValues(), m.userPtr()[u], m.userPtr()[u + 1]);
            assertArrayEquals(refit.userVector(u), r.foldIn(items, plays), 1e-5f, "user " + u);
        }
    }

    private static String[] ids(String prefix, int n) {
        String[] out = new String[n];
        for (int q = 0; q < n; q++) {
            out[q] = prefix + q;
        }
        return out;
    }

    @Test
    void recommendationsSkipPlayedArtistsAndHonourTheFilter() {
        InteractionMatrix m = TestData.random(40, 30, 0.2, 50, 2);
        Recommender r = trained(m, TestData.smallParams().withFactors(5).withIterations(5).withThreads(1));
        for (int u = 0; u < 40; u++) {
            List<ScoredItem> recs = r.recommend(u, 10, i -> i % 2 == 0);
            for (ScoredItem s : recs) {
                assertEquals(0, m.get(u, s.index()), "played artist recommended to " + u);
                assertEquals(0, s.index() % 2, "filter ignored");
            }
            for (int q = 1; q < recs.size(); q++) {
                assertTrue(recs.get(q - 1).score() >= recs.get(q).score());
            }
            // brute force: the best unplayed, allowed artist
            int best = -1;
            for (int i = 0; i < 30; i += 2) {
                if (m.get(u, i) == 0 && (best < 0 || r.model().score(u, i) > r.model().score(u, best))) {
                    best = i;
                }
            }
            if (best >= 0) {
                assertEquals(best, recs.get(0).index());
            }
        }
    }

    @Test
    void similarArtistsAreCosineRankedAndExcludeTheArtist() {
        InteractionMatrix m = TestData.random(40, 30, 0.2, 50, 2);
        Recommender r = trained(m, TestData.smallParams().withFactors(5).withIterations(5).withThreads(1));
        List<ScoredItem> sim = r.similarArtists(3, 29);
        assertEquals(29, sim.size());
        assertFalse(sim.stream().anyMatch(s -> s.index() == 3));
        float[] a = r.model().itemVector(3);
        for (ScoredItem s : sim) {
            float[] b = r.model().itemVector(s.index());
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int c = 0; c < 5; c++) {
                dot += a[c] * b[c];
                na += a[c] * a[c];
                nb += b[c] * b[c];
            }
            assertEquals(dot / Math.sqrt(na * nb), s.score(), 1e-5);
        }
        assertEquals(39, r.similarUsers(0, 100).size(), "every other user");
    }

    @Test
    void topNKeepsTheBestAndBreaksTiesByIndex() {
        TopN t = new TopN(3);
        float[] s = {0.5f, 2f, 2f, -1f, 3f, 0.5f};
        for (int i = 0; i < s.length; i++) {
            t.offer(i, s[i]);
        }
        assertArrayEquals(new int[] {4, 1, 2}, t.sortedIndexes());
    }
}
