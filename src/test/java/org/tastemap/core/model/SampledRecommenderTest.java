package org.tastemap.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Queries on a model holding a sample of histories give, for a held listener, exactly what the
 * model holding every history gives (the reference here is that complete model, whose sample is
 * cut by {@link TrainedModel#keepHistoriesOf}); for any other listener they are refused.
 */
class SampledRecommenderTest {
    private static final int USERS = 40;
    private static final int ARTISTS = 25;

    /** A seeded random 40 x 25 model with BM25 confidence, so the confidence depends on the whole data. */
    private static TrainedModel full() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = USERS * 6;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int p = 0; p < n; p++) {
            u[p] = p / 6;
            i[p] = rng.nextInt(ARTISTS);
            v[p] = 1 + rng.nextInt(300);
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(USERS, ARTISTS, u, i, v, n);
        String[] users = new String[USERS];
        String[] artists = new String[ARTISTS];
        java.util.Arrays.setAll(users, k -> "user" + k);
        java.util.Arrays.setAll(artists, k -> "artist" + k);
        int k = 4;
        float[] x = new float[USERS * k];
        float[] y = new float[ARTISTS * k];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) rng.nextGaussian();
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) rng.nextGaussian();
        }
        AlsParams p = AlsParams.defaults().withFactors(k).withConfidence(ConfidenceKind.BM25).withBm25(1.2, 0.75)
                .withAlpha(2).withLambda(0.5);
        return new TrainedModel(Dataset.of(m, IdIndex.of(users), IdIndex.of(artists)), new FactorModel(k, USERS, ARTISTS, x, y, p, 3));
    }

    private static double totalPlays(TrainedModel t) {
        double s = 0;
        for (float v : t.dataset().matrix().userValues()) {
            s += v;
        }
        return s;
    }

    @Test
    void aHeldListenerGetsTheCompleteModelsRecommendationsAndExplanations() {
        TrainedModel full = full();
        TrainedModel sampled = full.keepHistoriesOf(new int[] {3, 7, 20})
                .withMetadata(Map.of(ModelMetadata.PLAYS_TOTAL, Double.toString(totalPlays(full))));
        Recommender a = new Recommender(full);
        Recommender b = new Recommender(sampled);
        for (int user : new int[] {3, 7, 20}) {
            assertEquals(a.recommend(user, 10, null), b.recommend(user, 10, null), "user " + user);
            int item = a.recommend(user, 1, null).get(0).index();
            // BM25's idf and mean plays come from the full data, so the confidences are the same
            assertEquals(a.explain(user, item), b.explain(user, item), "user " + user);
        }
    }

    @Test
    void withoutThePlaysTotalTheHeldMeanStandsIn() {
        TrainedModel full = full();
        TrainedModel sampled = full.keepHistoriesOf(new int[] {3, 7, 20});
        // the held listeners' mean differs from all 40 listeners' mean, so the confidences differ a little
        Explanation e = new Recommender(sampled).explain(3, 0);
        assertNotEquals(new Recommender(full).explain(3, 0), e);
        // ... but the contributions still add up to the re-solved score
        assertEquals(e.scoreRefit(), e.contributions().stream().mapToDouble(Explanation.Contribution::contribution).sum(), 1e-9);
    }

    @Test
    void aListenerWithoutHistoryIsRefused() {
        TrainedModel sampled = full().keepHistoriesOf(new int[] {3, 7, 20})
                .withMetadata(Map.of(ModelMetadata.PLAYS_TOTAL, Double.toString(totalPlays(full()))));
        Recommender r = new Recommender(sampled);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.recommend(4, 5, null));
        assertTrue(e.getMessage().contains("holds no listening history for user user4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.explain(4, 0));
        // similar artists and a folded-in listener need no history (fold-in's BM25 uses the full data's statistics)
        assertEquals(new Recommender(full()).similarArtists(2, 5), r.similarArtists(2, 5));
        assertArrayEquals(new Recommender(full()).foldIn(new int[] {1, 2}, new float[] {3, 4}), r.foldIn(new int[] {1, 2}, new float[] {3, 4}));
    }
}
