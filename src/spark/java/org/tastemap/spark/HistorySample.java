package org.tastemap.spark;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;

/**
 * The seeded sample of listeners whose histories the job's model file keeps. The file keeps the ids
 * and names of every listener and artist and the factors of all, but the interaction rows of these
 * listeners only: a file with every row does not fit a desktop at the sizes Spark is for.
 */
final class HistorySample {
    private HistorySample() {
    }

    /**
     * {@code min(n, users)} distinct listener indexes, ascending: the first n of a Fisher-Yates
     * shuffle of 0..users-1 driven by {@code SplittableRandom(seed)}, so a seed always picks the same
     * listeners of the same data.
     */
    static int[] pick(int users, int n, long seed) {
        if (n >= users) {
            int[] all = new int[users];
            Arrays.setAll(all, u -> u);
            return all;
        }
        int[] order = new int[users];
        Arrays.setAll(order, u -> u);
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < n; j++) {
            int r = j + random.nextInt(users - j);
            int t = order[j];
            order[j] = order[r];
            order[r] = t;
        }
        int[] held = Arrays.copyOf(order, n);
        Arrays.sort(held);
        return held;
    }

    /** {@code data} with the rows of the {@code held} listeners (ascending) only; every id and name stays. */
    static Dataset keep(Dataset data, int[] held) {
        InteractionMatrix m = data.matrix();
        int[] ptr = m.userPtr();
        int[] items = m.userItems();
        float[] values = m.userValues();
        boolean[] keep = new boolean[m.numUsers()];
        for (int u : held) {
            keep[u] = true;
        }
        int[] newPtr = new int[m.numUsers() + 1];
        for (int u = 0; u < m.numUsers(); u++) {
            newPtr[u + 1] = newPtr[u] + (keep[u] ? ptr[u + 1] - ptr[u] : 0);
        }
        int[] newItems = new int[newPtr[m.numUsers()]];
        float[] newValues = new float[newItems.length];
        for (int u : held) {
            int len = ptr[u + 1] - ptr[u];
            System.arraycopy(items, ptr[u], newItems, newPtr[u], len);
            System.arraycopy(values, ptr[u], newValues, newPtr[u], len);
        }
        return data.withMatrix(InteractionMatrix.fromCsr(m.numUsers(), m.numItems(), newPtr, newItems, newValues));
    }

    /** How many listeners each artist has in the full data (what a sampled file cannot count itself). */
    static int[] artistListeners(InteractionMatrix m) {
        int[] out = new int[m.numItems()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.itemCount(i);
        }
        return out;
    }
}
