package org.tastemap.spark;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The seeded sample of listeners whose histories the job's model file keeps
 * ({@link org.tastemap.core.model.TrainedModel#keepHistoriesOf}). The file keeps the ids and names of
 * every listener and artist and the factors of all, but the interaction rows of these listeners only:
 * a file with every row does not fit a desktop at the sizes Spark is for.
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
}
