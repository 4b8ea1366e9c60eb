package org.tastemap.io;

import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.SolverKind;
import org.tastemap.core.model.TrainedModel;

/** Small hand-made models for the model-file and export tests. */
final class ExportTestModels {
    private ExportTestModels() {
    }

    static final String[] USERS = {"00a1", "user two", "ünïcödé-user", "u4"};
    static final String[] ARTIST_KEYS = {"radiohead", "sigur ros", "crosby", "emoji"};
    static final String[] ARTIST_NAMES = {"Radiohead", "Sigur Rós", "Crosby, Stills \"&\" Nash", "Band 🎸"};
    static final String[] ARTIST_MBIDS = {"a74b1b7f-71a5-4011-9441-d0b5e4122711", "", "6f4d0d1e-0c55-4a43-9d0a-5b8f3f0a2f01", ""};

    /**
     * 4 users x 4 artists, 7 plays, k = 3. Factor value (u, f) is {@code 0.5 * u - 0.25 * f + 0.1},
     * artist value (i, f) is {@code -0.3 * i + 0.125 * f}, so each is known by hand.
     */
    static TrainedModel small() {
        int[] u = {0, 0, 1, 2, 2, 2, 3};
        int[] i = {0, 2, 1, 0, 1, 3, 3};
        float[] v = {12, 3, 250, 1, 7, 99999, 0.5f};
        InteractionMatrix m = InteractionMatrix.fromTriplets(4, 4, u, i, v, u.length);
        Dataset d = new Dataset(m, IdIndex.of(USERS), IdIndex.of(ARTIST_KEYS), ARTIST_NAMES.clone(), ARTIST_MBIDS.clone());
        int k = 3;
        float[] x = new float[4 * k];
        float[] y = new float[4 * k];
        for (int r = 0; r < 4; r++) {
            for (int f = 0; f < k; f++) {
                x[r * k + f] = 0.5f * r - 0.25f * f + 0.1f;
                y[r * k + f] = -0.3f * r + 0.125f * f;
            }
        }
        AlsParams p = new AlsParams(3, 40.5, ConfidenceKind.BM25, 0.25, 1.2, 0.75, 0.01, true, 7,
                SolverKind.CHOLESKY, 5, -1234567890123L, 2);
        return new TrainedModel(d, new FactorModel(k, 4, 4, x, y, p, 6));
    }

    /** A seeded random model of the given shape, for larger round trips. */
    static TrainedModel random(int users, int artists, int k, int playsPerUser, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int n = users * playsPerUser;
        int[] uu = new int[n];
        int[] ii = new int[n];
        float[] vv = new float[n];
        for (int p = 0; p < n; p++) {
            uu[p] = p / playsPerUser;
            ii[p] = rng.nextInt(artists);
            vv[p] = 1 + rng.nextInt(1000);
        }
        InteractionMatrix m = InteractionMatrix.fromTriplets(users, artists, uu, ii, vv, n);
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = String.format("%040x", (long) u * 2654435761L);
        }
        String[] keys = new String[artists];
        String[] mbids = new String[artists];
        for (int a = 0; a < artists; a++) {
            keys[a] = "Artist " + a;
            mbids[a] = a % 7 == 0 ? "" : new java.util.UUID(seed, a).toString();
        }
        float[] x = new float[users * k];
        float[] y = new float[artists * k];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) rng.nextGaussian();
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) rng.nextGaussian();
        }
        Dataset d = Dataset.of(m, IdIndex.of(userIds), IdIndex.of(keys));
        d = new Dataset(m, d.users(), d.artists(), d.artistNames(), mbids);
        return new TrainedModel(d, new FactorModel(k, users, artists, x, y, AlsParams.defaults().withFactors(k), 15));
    }
}
