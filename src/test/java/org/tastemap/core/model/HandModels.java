package org.tastemap.core.model;

import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

/** Tiny models with factors chosen by hand, so that every score and cosine can be worked out on paper. */
public final class HandModels {
    private HandModels() {
    }

    /** A matrix of {user, artist, plays} cells. */
    public static InteractionMatrix matrix(int users, int items, int[][] cells) {
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

    /** A model over {@code m} with users "u0".., artists "a0".. and the given factors (k per row). */
    public static TrainedModel model(InteractionMatrix m, int k, float[] users, float[] items) {
        String[] us = new String[m.numUsers()];
        String[] is = new String[m.numItems()];
        for (int u = 0; u < us.length; u++) {
            us[u] = "u" + u;
        }
        for (int i = 0; i < is.length; i++) {
            is[i] = "a" + i;
        }
        FactorModel f = new FactorModel(k, m.numUsers(), m.numItems(), users, items, AlsParams.defaults().withFactors(k), 1);
        return new TrainedModel(Dataset.of(m, IdIndex.of(us), IdIndex.of(is)), f);
    }
}
